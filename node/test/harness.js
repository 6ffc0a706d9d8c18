"use strict";
// Real servers from tests/harness/nervure_harness.py: one JSON line, then
// commands on stdin (restart 0, kill 0, ...); closing stdin stops them.
const { spawn } = require("node:child_process");
const path = require("node:path");
const readline = require("node:readline");

const REPO = path.resolve(__dirname, "..", "..");

class Harness {
  static async start(kind = "single", extra = []) {
    const h = new Harness();
    h.proc = spawn("python3", [path.join(REPO, "tests/harness/nervure_harness.py"), "serve", "--kind", kind, ...extra],
      { stdio: ["pipe", "pipe", "inherit"] });
    h.lines = readline.createInterface({ input: h.proc.stdout });
    h.queue = [];
    h.waiters = [];
    h.lines.on("line", (l) => (h.waiters.length ? h.waiters.shift()(l) : h.queue.push(l)));
    h.info = JSON.parse(await h._line());
    if (!h.info.ok) throw new Error(`harness: ${h.info.error}`);
    h.url = h.info.url;
    return h;
  }
  _line() {
    return this.queue.length ? Promise.resolve(this.queue.shift()) : new Promise((r) => this.waiters.push(r));
  }
  async command(cmd) {
    this.proc.stdin.write(cmd + "\n");
    const answer = JSON.parse(await this._line());
    if (!answer.ok) throw new Error(`harness ${cmd}: ${answer.error}`);
    return answer;
  }
  async stop() {
    this.proc.stdin.end();
    await new Promise((r) => (this.proc.exitCode !== null ? r() : this.proc.on("exit", r)));
  }
}

async function eventually(pred, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

module.exports = { Harness, eventually, REPO };
