#include "nervure/subscription.hpp"

#include "connection_impl.hpp"
#include "nervure/errors.hpp"
#include "subscription_state.hpp"

namespace nervure {

Subscription::Subscription(std::shared_ptr<detail::SubscriptionState> state) : state_(std::move(state)) {}
Subscription::~Subscription() = default;

uint64_t Subscription::sid() const noexcept { return state_->sid; }
const std::string& Subscription::subject() const noexcept { return state_->subject; }
const std::string& Subscription::queue() const noexcept { return state_->queue; }

std::optional<Message> Subscription::next(Duration timeout) {
  std::vector<Message> one;
  if (state_->wait_batch(one, 1, timeout) == 1) return std::move(one.front());
  if (state_->arrivals_ended()) return std::nullopt;
  throw Error(ErrorCode::timeout, "no message on '" + state_->subject + "' within " +
                                      std::to_string(timeout.count()) + " ms");
}

std::size_t Subscription::next_batch(std::vector<Message>& out, std::size_t max, Duration timeout) {
  return state_->wait_batch(out, max, timeout);
}
std::size_t Subscription::poll(std::vector<Message>& out, std::size_t max) { return state_->poll(out, max); }
void Subscription::set_ready_notifier(std::function<void()> notify) { state_->set_notifier(std::move(notify)); }

void Subscription::unsubscribe() {
  if (auto conn = state_->conn.lock()) conn->unsubscribe(*state_, 0);
  else state_->end_arrivals();
}

void Subscription::auto_unsubscribe(int64_t max_msgs) {
  if (max_msgs <= 0) throw Error(ErrorCode::invalid_argument, "auto_unsubscribe needs a positive count");
  if (auto conn = state_->conn.lock()) conn->unsubscribe(*state_, max_msgs);
}

void Subscription::drain(Duration timeout) {
  if (auto conn = state_->conn.lock()) conn->drain_subscription(state_, timeout);
  else state_->end_arrivals();
}

bool Subscription::ended() const noexcept { return state_->ended(); }
bool Subscription::is_valid() const noexcept { return !state_->arrivals_ended(); }
int64_t Subscription::pending_msgs() const noexcept { return state_->pending_msgs(); }
int64_t Subscription::pending_bytes() const noexcept { return state_->pending_bytes(); }
int64_t Subscription::dropped() const noexcept { return state_->dropped(); }
int64_t Subscription::delivered() const noexcept { return state_->delivered(); }
void Subscription::set_pending_limits(int64_t msgs, int64_t bytes) { state_->set_limits(msgs, bytes); }

}  // namespace nervure
