// Replays one unit's recorded track: the whole line, and a marker that moves along it in scaled track time.
import { canvas, divIcon, latLngBounds, marker, polyline } from "../node_modules/leaflet/dist/leaflet-src.esm.js";
import { clamp, finiteOr } from "./geo.js";

const MAX_POINTS = 200000;
const PROGRESS_INTERVAL_MS = 250;
// After a hidden tab or a long GC pause the replay resumes where it was instead of leaping ahead.
const MAX_FRAME_STEP_MS = 250;

export function createTrackReplay(map, project, palette, notify, pane) {
  const renderer = canvas({ pane });
  const reportTime = (time) => notify("OnTrackProgress", Math.round(time));
  const progress = createThrottledReporter(reportTime, PROGRESS_INTERVAL_MS);
  let track = null; // { latLngs, times, line, marker }
  let currentTime = 0;
  let frame = 0;
  let lastFrameAt = 0;
  let speedFactor = 1;

  function showTrack(points) {
    clearTrack();
    const samples = parseTrackPoints(points, project);
    if (samples.length === 0) return;
    const latLngs = samples.map((sample) => sample.latLng);
    track = {
      latLngs,
      times: samples.map((sample) => sample.time),
      line: polyline(latLngs, { renderer, color: palette.track, weight: 3, opacity: 0.9, interactive: false })
        .addTo(map),
      marker: marker(latLngs[0], {
        icon: divIcon({ className: "pa-track-marker", iconSize: null }),
        interactive: false, keyboard: false, zIndexOffset: 10000,
      }).addTo(map),
    };
    currentTime = track.times[0];
    fitTrack(latLngs);
  }

  function fitTrack(latLngs) {
    const bounds = latLngBounds(latLngs);
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(latLngs[0], Math.max(map.getZoom(), 16));
    else map.fitBounds(bounds, { padding: [40, 40], animate: false });
  }

  function playTrack(factor) {
    if (!track) return;
    speedFactor = clamp(finiteOr(factor, 1), 0.1, 100000);
    if (currentTime >= endTime()) currentTime = startTime();
    if (frame) return;
    lastFrameAt = performance.now();
    frame = requestAnimationFrame(advance);
  }

  function advance(now) {
    frame = 0;
    if (!track) return;
    // A frame's timestamp can precede the performance.now() taken when play started, hence the floor at zero.
    const step = clamp(now - lastFrameAt, 0, MAX_FRAME_STEP_MS);
    currentTime = Math.min(endTime(), currentTime + step * speedFactor);
    lastFrameAt = now;
    moveMarker();
    if (currentTime < endTime()) {
      progress.report(currentTime);
      frame = requestAnimationFrame(advance);
      return;
    }
    progress.sendNow(currentTime);
    notify("OnTrackEnded");
  }

  function pauseTrack() {
    stopAnimation();
    if (track) progress.sendNow(currentTime);
  }

  function seekTrack(fraction) {
    if (!track) return;
    const share = clamp(finiteOr(fraction, 0), 0, 1);
    currentTime = startTime() + (endTime() - startTime()) * share;
    moveMarker();
    progress.report(currentTime);
  }

  function clearTrack() {
    stopAnimation();
    progress.cancel();
    if (!track) return;
    track.line.remove();
    track.marker.remove();
    track = null;
  }

  function moveMarker() {
    track.marker.setLatLng(positionAt(track, currentTime));
  }

  function stopAnimation() {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  }

  const startTime = () => track.times[0];
  const endTime = () => track.times[track.times.length - 1];

  return { showTrack, playTrack, pauseTrack, seekTrack, clearTrack, dispose: clearTrack };
}

/** `[[lat, lon, tMillisUtc, speedKmh|null], ...]` → valid samples sorted by time (the sort is a safety net). */
function parseTrackPoints(points, project) {
  const samples = [];
  for (const point of Array.isArray(points) ? points.slice(0, MAX_POINTS) : []) {
    if (!Array.isArray(point) || typeof point[2] !== "number" || !Number.isFinite(point[2])) continue;
    const latLng = project(point[0], point[1]);
    if (latLng) samples.push({ latLng, time: point[2] });
  }
  return samples.sort((a, b) => a.time - b.time);
}

// Linear interpolation between the two samples around `time`, found by binary search.
function positionAt(track, time) {
  const { times, latLngs } = track;
  let low = 0;
  let high = times.length - 1;
  if (time <= times[low]) return latLngs[low];
  if (time >= times[high]) return latLngs[high];
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (times[middle] <= time) low = middle;
    else high = middle;
  }
  const span = times[high] - times[low];
  const share = span > 0 ? (time - times[low]) / span : 0;
  const [lat0, lon0] = latLngs[low];
  const [lat1, lon1] = latLngs[high];
  return [lat0 + (lat1 - lat0) * share, lon0 + (lon1 - lon0) * share];
}

// At most one message per interval; the latest value is always delivered, late rather than never.
function createThrottledReporter(send, intervalMs) {
  let lastSentAt = -Infinity;
  let timer = 0;
  let latest = 0;

  function sendNow(value) {
    cancel();
    lastSentAt = performance.now();
    send(value);
  }

  function report(value) {
    latest = value;
    const wait = lastSentAt + intervalMs - performance.now();
    if (wait <= 0) sendNow(latest);
    else if (!timer) timer = setTimeout(() => sendNow(latest), wait);
  }

  function cancel() {
    clearTimeout(timer);
    timer = 0;
  }

  return { report, sendNow, cancel };
}
