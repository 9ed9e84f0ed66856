// Starts Blazor for an unattended kiosk screen, which must never need a person:
// - reconnect forever (backing off to 5 s) while the server is unreachable;
// - reload when the server answers but no longer knows the circuit (restarted or redeployed);
// - reload when no data has arrived for 60 s (the page calls paKiosk.beat() whenever data arrives).
// A reload waits until /healthz answers, so the screen never lands on the browser's own error page; the token in the
// URL is all the state a kiosk has, so a reload is harmless.
(() => {
  const staleAfterMs = 60_000;
  const healthRetryMs = 3_000;
  let lastBeat = Date.now();
  let stopped = false;
  let reloading = false;

  const delay = ms => new Promise(resolve => setTimeout(resolve, ms));
  const offline = on => { const el = document.getElementById("pa-kiosk-offline"); if (el) el.hidden = !on; };

  async function reloadWhenServerAnswers() {
    if (reloading) return;
    reloading = true;
    offline(true);
    for (;;) {
      try {
        const response = await fetch("/healthz", { cache: "no-store" });
        if (response.ok) { location.reload(); return; }
      } catch { /* still down */ }
      await delay(healthRetryMs);
    }
  }

  async function reconnectForever() {
    offline(true);
    for (let attempt = 1; !reloading; attempt++) {
      await delay(Math.min(attempt * 1000, 5000));
      try {
        if (await Blazor.reconnect()) return; // the same circuit again: nothing lost
        return reloadWhenServerAnswers(); // reached the server, which rejected the circuit
      } catch { /* unreachable: try again */ }
    }
  }

  window.paKiosk = {
    beat() { lastBeat = Date.now(); },
    // A refused or revoked token: nothing to reload for.
    stop() { stopped = true; },
  };

  setInterval(() => {
    if (!stopped && Date.now() - lastBeat > staleAfterMs) reloadWhenServerAnswers();
  }, 5_000);

  Blazor.start({
    circuit: {
      reconnectionHandler: {
        onConnectionDown: () => { reconnectForever(); },
        onConnectionUp: () => offline(false),
      },
    },
  });
})();
