// Frame-rate probe for the map benchmark: it only counts animation frames, so it never changes what is drawn.
import { clamp, finiteOr } from "./geo.js";

/**
 * Resolves with the frames per second seen over `durationMs` (100 ms … 60 s). It also resolves when `isCancelled()`
 * turns true (the map was disposed) or when frames stop coming (a hidden tab), so no caller waits forever.
 */
export function measureFrameRate(durationMs, isCancelled) {
  const duration = clamp(finiteOr(durationMs, 1000), 100, 60000);
  return new Promise((resolve) => {
    let firstFrameAt = null;
    let lastFrameAt = null;
    let frames = 0;
    let done = false;

    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      const elapsed = lastFrameAt === null ? 0 : lastFrameAt - firstFrameAt;
      resolve(elapsed > 0 ? Math.round(frames * 10000 / elapsed) / 10 : 0);
    };
    // Timing starts at the first frame, so the wait for it does not count against the rate.
    const count = (now) => {
      if (done) return;
      if (firstFrameAt === null) firstFrameAt = now;
      else frames += 1;
      lastFrameAt = now;
      if (now - firstFrameAt >= duration || isCancelled()) finish();
      else requestAnimationFrame(count);
    };
    const watchdog = setTimeout(finish, duration + 2000);
    requestAnimationFrame(count);
  });
}
