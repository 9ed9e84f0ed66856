// Keeps a signed-in person's session alive while they are actually using the page: activity is noticed locally and
// reported at most every 5 minutes, which slides the 30-minute idle window of the sign-in cookie.
(() => {
  const interval = 5 * 60 * 1000;
  let active = false;
  for (const name of ["pointerdown", "keydown", "wheel", "touchstart", "mousemove"]) {
    addEventListener(name, () => { active = true; }, { passive: true, capture: true });
  }
  setInterval(() => {
    if (!active) return;
    active = false;
    fetch("account/keepalive", { method: "POST", credentials: "same-origin" }).catch(() => {});
  }, interval);
})();
