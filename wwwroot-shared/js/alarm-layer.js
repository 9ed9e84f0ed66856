// Open 110 alarms as DOM markers (a few dozen at most), reused by id so a refresh does not restart animations.
import { divIcon, layerGroup, marker } from "../node_modules/leaflet/dist/leaflet-src.esm.js";
import { clamp, textOrEmpty } from "./geo.js";

const CATEGORIES = new Set(["criminal", "public_order", "dispute", "traffic", "fire", "assistance", "other"]);
const PULSE_MS = 30000;
const MAX_ALARMS = 1000;

/** Validates one alarm from the server; null when it cannot be shown. */
export function parseAlarm(alarm) {
  if (!alarm || typeof alarm !== "object") return null;
  if (typeof alarm.id !== "number" || !Number.isFinite(alarm.id)) return null;
  const priority = typeof alarm.priority === "number" && Number.isFinite(alarm.priority)
    ? clamp(Math.round(alarm.priority), 1, 4) : 4;
  return {
    id: alarm.id,
    lat: alarm.lat,
    lon: alarm.lon,
    category: CATEGORIES.has(alarm.category) ? alarm.category : "other",
    priority,
    summary: textOrEmpty(alarm.summary, 500),
    isNew: alarm.isNew === true,
  };
}

export function createAlarmLayer(map, project, notify) {
  const group = layerGroup().addTo(map);
  const shown = new Map(); // id → { marker, element, pulseTimer }
  const firstSeenAt = new Map(); // id → performance.now() (monotonic) of the first setAlarms call that contained it

  function setAlarms(alarms) {
    const now = performance.now();
    const keep = new Set();
    for (const raw of Array.isArray(alarms) ? alarms.slice(0, MAX_ALARMS) : []) {
      const alarm = parseAlarm(raw);
      const point = alarm && !keep.has(alarm.id) ? project(alarm.lat, alarm.lon) : null;
      if (!point) continue;
      keep.add(alarm.id);
      if (!firstSeenAt.has(alarm.id)) firstSeenAt.set(alarm.id, now);
      showAlarm(alarm, point, now);
    }
    for (const id of [...shown.keys()]) {
      if (!keep.has(id)) removeAlarm(id);
    }
  }

  function showAlarm(alarm, point, now) {
    let entry = shown.get(alarm.id);
    if (!entry) {
      entry = createEntry(alarm.id, point);
      shown.set(alarm.id, entry);
    } else {
      entry.marker.setLatLng(point);
    }
    entry.marker.setZIndexOffset((5 - alarm.priority) * 1000);
    const element = entry.element;
    const pulseLeft = alarm.isNew ? firstSeenAt.get(alarm.id) + PULSE_MS - now : 0;
    element.className = `pa-alarm pa-alarm--${alarm.category} pa-alarm--p${alarm.priority}`
      + (pulseLeft > 0 ? " pa-alarm--pulse" : "");
    // Summaries are free text from callers: set as properties, which browsers never parse as HTML.
    element.title = alarm.summary;
    element.setAttribute("aria-label", alarm.summary);
    stopPulseLater(entry, pulseLeft);
  }

  function createEntry(id, point) {
    const element = document.createElement("div");
    const icon = divIcon({ className: "pa-alarm-anchor", html: element, iconSize: null });
    const alarmMarker = marker(point, { icon, riseOnHover: true });
    alarmMarker.on("click", () => notify("OnAlarmClicked", id));
    group.addLayer(alarmMarker);
    return { marker: alarmMarker, element, pulseTimer: 0 };
  }

  // A new alarm pulses for 30 s after it first appeared, however often the list is refreshed meanwhile.
  function stopPulseLater(entry, pulseLeft) {
    clearTimeout(entry.pulseTimer);
    entry.pulseTimer = pulseLeft > 0
      ? setTimeout(() => entry.element.classList.remove("pa-alarm--pulse"), pulseLeft)
      : 0;
  }

  function removeAlarm(id) {
    const entry = shown.get(id);
    clearTimeout(entry.pulseTimer);
    group.removeLayer(entry.marker);
    shown.delete(id);
    firstSeenAt.delete(id);
  }

  function dispose() {
    for (const id of [...shown.keys()]) removeAlarm(id);
  }

  return { setAlarms, dispose };
}
