// The wall and desk map. Blazor imports this module, calls createMap once per map element and keeps the returned
// object as an IJSObjectReference; every method takes JSON from the server and ignores what it cannot use.
import { map as leafletMap, tileLayer } from "../node_modules/leaflet/dist/leaflet-src.esm.js";
import { clamp, createProjector, createUnprojector, finiteOr } from "./geo.js";
import { escapeHtml, normalizeMapOptions } from "./map-options.js";
import { themeClassName, themePalette } from "./map-theme.js";
import { createJurisdictionLayer } from "./jurisdiction-layer.js";
import { createUnitLayer } from "./unit-layer.js";
import { createAlarmLayer } from "./alarm-layer.js";
import { createTrackReplay } from "./track-replay.js";
import { createPointPicker } from "./point-picker.js";
import { measureFrameRate } from "./frame-rate.js";

// Stacking between Leaflet's overlay pane (400, grids) and marker pane (600, alarms).
const PANES = Object.freeze([
  { name: "paUnits", zIndex: 450 },
  { name: "paTrack", zIndex: 500 },
  { name: "paLabels", zIndex: 550 },
]);

export function createMap(element, options, dotnetRef) {
  if (!(element instanceof HTMLElement)) throw new TypeError("createMap needs the map's container element.");
  const settings = normalizeMapOptions(options);
  const project = createProjector(settings.gcj02);
  const palette = themePalette(settings.theme);
  let disposed = false;

  // The page may already carry the theme class; dispose takes back only what createMap added.
  const addedClasses = ["pa-map", themeClassName(settings.theme)].filter((name) => !element.classList.contains(name));
  element.classList.add(...addedClasses);
  const map = createLeafletMap(element, settings, project);
  const notify = createNotifier(dotnetRef, () => disposed);
  const jurisdiction = createJurisdictionLayer(map, project, palette, "paLabels");
  const units = createUnitLayer(project, palette, "paUnits");
  units.layer.addTo(map);
  const alarms = createAlarmLayer(map, project, notify);
  const track = createTrackReplay(map, project, palette, notify, "paTrack");
  const picker = createPointPicker(map, project, createUnprojector(settings.gcj02), palette, notify);
  const stopFollowingSize = followContainerSize(element, map);

  function focus(lat, lon, zoom) {
    const point = project(lat, lon);
    if (!point) return;
    map.setView(point, clamp(finiteOr(zoom, map.getZoom()), settings.minZoom, settings.maxZoom));
  }

  // Read-only inspection from the page (browser tests, a support engineer's console): what the map holds.
  element.paMap = Object.freeze({
    unitCount: () => units.count(),
    unitPosition: (code) => units.positionOf(code),
    containerPointOf: (lat, lon) => {
      const point = project(lat, lon);
      if (!point) return null;
      const { x, y } = map.latLngToContainerPoint(point);
      return [x, y];
    },
  });

  function dispose() {
    disposed = true;
    delete element.paMap;
    stopFollowingSize();
    track.dispose();
    picker.dispose();
    alarms.dispose();
    jurisdiction.dispose();
    units.clear();
    map.remove();
    element.classList.remove(...addedClasses);
  }

  // After dispose every call is a no-op, and no call lets an exception escape into the Blazor circuit.
  const guard = (method, fallback) => (...args) => {
    if (disposed) return fallback;
    try {
      return method(...args);
    } catch (error) {
      console.error("map:", error);
      return fallback;
    }
  };

  return {
    setJurisdiction: guard(jurisdiction.setJurisdiction),
    applyPackedUnits: guard(units.applyPacked),
    unitCount: guard(units.count, 0),
    highlightUnits: guard(units.highlight),
    setAlarms: guard(alarms.setAlarms),
    focus: guard(focus),
    showTrack: guard(track.showTrack),
    playTrack: guard(track.playTrack),
    pauseTrack: guard(track.pauseTrack),
    seekTrack: guard(track.seekTrack),
    clearTrack: guard(track.clearTrack),
    enablePicking: guard(picker.enable),
    setPickedPoint: guard(picker.setPoint),
    measureFps: guard((durationMs) => measureFrameRate(durationMs, () => disposed), Promise.resolve(0)),
    dispose: guard(dispose),
  };
}

function createLeafletMap(element, settings, project) {
  const map = leafletMap(element, {
    center: project(settings.center[0], settings.center[1]) || settings.center,
    zoom: settings.zoom,
    minZoom: settings.minZoom,
    maxZoom: settings.maxZoom,
    preferCanvas: true,
    // Vectors alone zoom in quarter steps so a fitted jurisdiction fills the wall; tiles keep whole zooms (sharp).
    zoomSnap: settings.tileUrl ? 1 : 0.25,
    // Without zoom animation every layer (above all the unit canvas) simply redraws at the new zoom: nothing to
    // keep in step with CSS transforms, nothing half-scaled on a wall nobody touches for weeks.
    zoomAnimation: false,
    fadeAnimation: false,
    markerZoomAnimation: false,
    attributionControl: Boolean(settings.tileUrl && settings.tileAttribution),
  });
  for (const pane of PANES) {
    const element = map.createPane(pane.name);
    element.style.zIndex = String(pane.zIndex);
    element.style.pointerEvents = "none";
  }
  if (settings.tileUrl) addTiles(map, settings);
  return map;
}

function addTiles(map, settings) {
  if (map.attributionControl) map.attributionControl.setPrefix(false);
  tileLayer(settings.tileUrl, {
    minZoom: settings.minZoom,
    maxZoom: settings.maxZoom,
    attribution: settings.tileAttribution ? escapeHtml(settings.tileAttribution) : "",
  }).addTo(map);
}

// Leaflet only notices window resizes; Blazor layouts also resize the container (panels, full screen toggles).
function followContainerSize(element, map) {
  if (typeof ResizeObserver !== "function") return () => {};
  let frame = 0;
  const observer = new ResizeObserver(() => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      map.invalidateSize({ pan: false });
    });
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}

// Calls into .NET never block or throw here: a closed circuit just means nobody is listening any more.
function createNotifier(dotnetRef, isDisposed) {
  return (methodName, ...args) => {
    if (!dotnetRef || isDisposed()) return;
    try {
      const pending = dotnetRef.invokeMethodAsync(methodName, ...args);
      if (pending && typeof pending.catch === "function") pending.catch(() => {});
    } catch {
      // Ignored for the same reason as a rejected promise.
    }
  };
}
