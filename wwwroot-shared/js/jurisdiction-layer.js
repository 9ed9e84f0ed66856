// The jurisdiction's own vector map: grid polygons, community labels and patrol points. Without a tile server this
// is the whole base map, so it is drawn to be readable on a plain background.
import { circle, circleMarker, divIcon, latLngBounds, layerGroup, marker, polygon }
  from "../node_modules/leaflet/dist/leaflet-src.esm.js";
import { clamp, finiteOr, textOrEmpty } from "./geo.js";

// Patrol radius circles only make sense when a few hundred metres fill the screen.
const PATROL_RING_MIN_ZOOM = 16;
const MAX_GRIDS = 5000;
const MAX_RING_POINTS = 20000;
const MAX_LABELS = 2000;
const MAX_PATROL_POINTS = 5000;

export function createJurisdictionLayer(map, project, palette, labelPane) {
  const grids = layerGroup().addTo(map);
  const patrolDots = layerGroup().addTo(map);
  const patrolRings = layerGroup();
  const labels = layerGroup().addTo(map);

  function setJurisdiction(data) {
    clear();
    const source = data && typeof data === "object" ? data : {};
    const bounds = latLngBounds([]);
    for (const grid of boundedList(source.grids, MAX_GRIDS)) addGrid(grid, bounds);
    for (const label of boundedList(source.labels, MAX_LABELS)) addLabel(label);
    for (const point of boundedList(source.patrolPoints, MAX_PATROL_POINTS)) addPatrolPoint(point);
    // The container may have been laid out after the map was created: measure it again before fitting.
    map.invalidateSize({ pan: false });
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], animate: false });
    showPatrolRingsWhenZoomedIn();
  }

  function addGrid(grid, bounds) {
    const latLngs = ringToLatLngs(grid && grid.ring, project);
    if (latLngs.length < 3) return;
    const shape = polygon(latLngs, {
      color: palette.gridStroke,
      opacity: palette.gridStrokeOpacity,
      weight: 1,
      fillColor: palette.gridStroke,
      fillOpacity: palette.gridFillOpacity,
    });
    const name = textOrEmpty(grid.name);
    if (name) shape.bindTooltip(textElement(name), { sticky: true, className: "pa-map-tooltip" });
    grids.addLayer(shape);
    for (const latLng of latLngs) bounds.extend(latLng);
  }

  function addLabel(label) {
    const name = label && textOrEmpty(label.name, 60);
    const point = name && project(label.lat, label.lon);
    if (!point) return;
    // The icon carries a DOM node built with textContent: names come from outside and must never become HTML.
    const icon = divIcon({ className: "pa-map-label", html: textElement(name), iconSize: null });
    labels.addLayer(marker(point, { icon, interactive: false, keyboard: false, pane: labelPane }));
  }

  function addPatrolPoint(patrolPoint) {
    const point = patrolPoint && project(patrolPoint.lat, patrolPoint.lon);
    if (!point) return;
    const dot = circleMarker(point, {
      radius: 2.5, stroke: false, fillColor: palette.patrolPoint, fillOpacity: 0.9,
    });
    const name = textOrEmpty(patrolPoint.name);
    if (name) dot.bindTooltip(textElement(name), { className: "pa-map-tooltip" });
    patrolDots.addLayer(dot);
    patrolRings.addLayer(circle(point, {
      radius: clamp(finiteOr(patrolPoint.radius, 50), 5, 5000),
      color: palette.patrolPoint, weight: 1, opacity: 0.7, fillOpacity: 0.08, interactive: false,
    }));
  }

  function showPatrolRingsWhenZoomedIn() {
    const wanted = map.getZoom() >= PATROL_RING_MIN_ZOOM;
    if (wanted && !map.hasLayer(patrolRings)) patrolRings.addTo(map);
    if (!wanted && map.hasLayer(patrolRings)) patrolRings.remove();
  }

  function clear() {
    for (const group of [grids, patrolDots, patrolRings, labels]) group.clearLayers();
  }

  map.on("zoomend", showPatrolRingsWhenZoomedIn);
  const dispose = () => map.off("zoomend", showPatrolRingsWhenZoomedIn);
  return { setJurisdiction, dispose };
}

// Rings arrive GeoJSON-style as [lon, lat] pairs.
function ringToLatLngs(ring, project) {
  const latLngs = [];
  for (const position of boundedList(ring, MAX_RING_POINTS)) {
    const point = Array.isArray(position) ? project(position[1], position[0]) : null;
    if (point) latLngs.push(point);
  }
  return latLngs;
}

function boundedList(value, max) {
  return Array.isArray(value) ? value.slice(0, max) : [];
}

function textElement(text) {
  const element = document.createElement("span");
  element.textContent = text;
  return element;
}
