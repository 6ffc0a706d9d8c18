#pragma once
// Umbrella header of the nervure C++ core.
#include "nervure/connection.hpp"
#include "nervure/errors.hpp"
#include "nervure/actors.hpp"
#include "nervure/jetstream.hpp"
#include "nervure/kv.hpp"
#include "nervure/message.hpp"
#include "nervure/options.hpp"
#include "nervure/subscription.hpp"
#include "nervure/version.hpp"
