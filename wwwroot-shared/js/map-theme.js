// Colours Leaflet vectors and the unit canvas need as values. Everything drawn as DOM (background, labels, alarm
// markers, the track marker) is styled in css/map.css instead.

const DARK = Object.freeze({
  gridStroke: "#4dd0e1",
  gridStrokeOpacity: 0.75,
  gridFillOpacity: 0.06,
  patrolPoint: "#ffd54f",
  unitOutline: "rgba(255, 255, 255, 0.8)",
  highlight: "#ffeb3b",
  highlightHalo: "rgba(0, 0, 0, 0.55)",
  track: "#00e5ff",
});

const LIGHT = Object.freeze({
  gridStroke: "#00838f",
  gridStrokeOpacity: 0.8,
  gridFillOpacity: 0.05,
  patrolPoint: "#f57f17",
  unitOutline: "rgba(255, 255, 255, 0.95)",
  highlight: "#ff6f00",
  highlightHalo: "rgba(255, 255, 255, 0.8)",
  track: "#d81b60",
});

export function themePalette(theme) {
  return theme === "light" ? LIGHT : DARK;
}

export function themeClassName(theme) {
  return theme === "light" ? "pa-map-light" : "pa-map-dark";
}
