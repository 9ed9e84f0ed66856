// Live unit positions: compact deltas from the server are merged into a Map at once and painted on one canvas at
// most once per animation frame, in a handful of batched paths (one per status), so 5,000 units at 1 Hz stay smooth.
import { CanvasOverlay } from "./canvas-overlay.js";
import { clamp, mercatorX, mercatorY } from "./geo.js";

const OFFLINE = 6;
const STATUS_COLOURS = Object.freeze({
  1: "#1e88e5", // OnDuty 在岗
  2: "#8e24aa", // Standby 备勤
  3: "#43a047", // Patrolling 巡逻
  4: "#fb8c00", // Responding 出警
  5: "#e53935", // OnScene 到场
  6: "#9e9e9e", // Offline 离线
});
// Busy units are painted last so they stay on top where dots overlap.
const PAINT_ORDER = [6, 2, 1, 3, 4, 5];
// Dot radius in CSS pixels by kind: 1 PatrolCar, 2 Motorcycle, 3 FootPatrol, 4 GridWorker, 5 Volunteer, 6 HeavyVehicle.
const RADIUS_BY_KIND = Object.freeze({ 1: 6.5, 2: 5.5, 3: 4, 4: 4, 5: 3.5, 6: 7 });
const DEFAULT_RADIUS = 4;
const VEHICLE_KINDS = new Set([1, 2, 6]);

const GLIDE_MS = 800;
// A jump longer than ~2 km (in normalised Mercator units) is a teleport or a fix after a gap: snap, don't glide.
const MAX_GLIDE_DISTANCE = 0.00006;
// Gliding redraws every dot on every frame; past this many units the dots step once a report instead, which keeps a
// wall of thousands of units smooth on a modest machine.
const MAX_GLIDING_UNITS = 1500;
const MAX_UNITS = 20000;
const MAX_HIGHLIGHTS = 200;
const CULL_MARGIN = 24;

/** Validates one compact delta `[code, lat, lon, heading, status, kind]`; null when it is malformed. */
export function parseUnitDelta(delta) {
  if (!Array.isArray(delta) || delta.length < 5) return null;
  const [code, lat, lon, heading, status, kind] = delta;
  if (typeof code !== "string" || code.length === 0 || code.length > 64) return null;
  if (!Number.isInteger(status) || !(status in STATUS_COLOURS)) return null;
  return {
    code,
    lat,
    lon,
    heading: typeof heading === "number" && Number.isFinite(heading) ? ((heading % 360) + 360) % 360 : null,
    status,
    // An unknown kind is drawn as a person rather than dropped: a new kind on the server must not hide units.
    kind: Number.isInteger(kind) && kind in RADIUS_BY_KIND ? kind : 0,
  };
}

const HEADING_FOLLOWS = 0x40;
const CODE_FOLLOWS = 0x80;

/**
 * Reads the packed deltas the server sends as bytes (see UnitDeltaPacker.cs): per unit a slot (uint16), flags (status in
 * bits 0–2, kind in bits 3–5, bit 6 heading follows, bit 7 code follows), the code once per map (length, UTF-8), lat and
 * lon as float32, and the heading in tenths of a degree as uint16 when flagged; little-endian. `codes` maps slots to the
 * codes already received and learns new ones. Returns compact deltas for parseUnitDelta; an entry whose slot has no code
 * yet and a truncated tail are skipped.
 */
export function unpackUnitDeltas(bytes, codes) {
  const deltas = [];
  if (!(bytes instanceof Uint8Array) || !Array.isArray(codes)) return deltas;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  let at = 0;
  while (at + 3 <= bytes.length) {
    const slot = view.getUint16(at, true);
    const flags = bytes[at + 2];
    at += 3;
    let code = codes[slot];
    if (flags & CODE_FOLLOWS) {
      const length = bytes[at];
      if (at + 1 + length > bytes.length) break;
      code = decoder.decode(bytes.subarray(at + 1, at + 1 + length));
      codes[slot] = code;
      at += 1 + length;
    }
    const size = flags & HEADING_FOLLOWS ? 10 : 8;
    if (at + size > bytes.length) break;
    const heading = flags & HEADING_FOLLOWS ? view.getUint16(at + 8, true) / 10 : null;
    if (code !== undefined) {
      deltas.push([code, view.getFloat32(at, true), view.getFloat32(at + 4, true), heading, flags & 7, (flags >> 3) & 7]);
    }
    at += size;
  }
  return deltas;
}

export function createUnitLayer(project, palette, pane) {
  const units = new Map();
  const codesBySlot = [];
  let highlighted = new Set();
  const buckets = new Map(PAINT_ORDER.map((status) => [status, []]));
  const overlay = new CanvasOverlay(draw, { pane });

  function applyDeltas(deltas) {
    if (!Array.isArray(deltas)) return;
    const now = performance.now();
    let changed = false;
    for (const delta of deltas) {
      if (mergeDelta(parseUnitDelta(delta), now)) changed = true;
    }
    if (changed) overlay.requestRedraw();
  }

  const applyPacked = (bytes) => applyDeltas(unpackUnitDeltas(bytes, codesBySlot));

  /** Where a unit was last reported, for inspection; null when the map does not hold it. */
  function positionOf(code) {
    const unit = units.get(code);
    return unit ? { lat: unit.lat, lon: unit.lon, status: unit.status } : null;
  }

  function mergeDelta(delta, now) {
    if (!delta) return false;
    const point = project(delta.lat, delta.lon);
    if (!point) return false;
    const x = mercatorX(point[1]);
    const y = mercatorY(point[0]);
    const unit = units.get(delta.code);
    if (!unit) {
      if (units.size >= MAX_UNITS) return false;
      const { code, heading, status, kind } = delta;
      units.set(code, { code, heading, status, kind, lat: delta.lat, lon: delta.lon,
        fromX: x, fromY: y, toX: x, toY: y, moveStart: -Infinity });
      return true;
    }
    if (unit.toX === x && unit.toY === y && unit.status === delta.status
      && unit.kind === delta.kind && unit.heading === delta.heading) return false;
    startMove(unit, x, y, now);
    unit.lat = delta.lat;
    unit.lon = delta.lon;
    unit.status = delta.status;
    unit.kind = delta.kind;
    unit.heading = delta.heading;
    return true;
  }

  // Glides from wherever the dot is drawn now, so a delta arriving mid-glide never makes it jump backwards.
  function startMove(unit, x, y, now) {
    const progress = glideProgress(unit, now);
    const currentX = unit.fromX + (unit.toX - unit.fromX) * progress;
    const currentY = unit.fromY + (unit.toY - unit.fromY) * progress;
    const snap = unit.status === OFFLINE || units.size > MAX_GLIDING_UNITS
      || Math.abs(x - currentX) > MAX_GLIDE_DISTANCE || Math.abs(y - currentY) > MAX_GLIDE_DISTANCE;
    unit.fromX = snap ? x : currentX;
    unit.fromY = snap ? y : currentY;
    unit.toX = x;
    unit.toY = y;
    unit.moveStart = now;
  }

  function draw(context, view) {
    const sizeScale = view.zoom <= 11 ? 0.7 : view.zoom <= 13 ? 0.85 : 1;
    const animating = placeVisibleUnits(view);
    for (const status of PAINT_ORDER) paintBucket(context, buckets.get(status), status, sizeScale);
    paintHighlights(context, sizeScale);
    return animating;
  }

  // Computes each unit's screen position and sorts the visible ones into per-status buckets.
  function placeVisibleUnits(view) {
    for (const bucket of buckets.values()) bucket.length = 0;
    let animating = false;
    for (const unit of units.values()) {
      const progress = glideProgress(unit, view.now);
      unit.screenX = (unit.fromX + (unit.toX - unit.fromX) * progress) * view.worldSize - view.originX;
      unit.screenY = (unit.fromY + (unit.toY - unit.fromY) * progress) * view.worldSize - view.originY;
      unit.visible = unit.screenX > -CULL_MARGIN && unit.screenX < view.width + CULL_MARGIN
        && unit.screenY > -CULL_MARGIN && unit.screenY < view.height + CULL_MARGIN;
      if (!unit.visible) continue;
      buckets.get(unit.status).push(unit);
      if (progress < 1 && glideIsVisible(unit, view.worldSize)) animating = true;
    }
    return animating;
  }

  function paintBucket(context, bucket, status, sizeScale) {
    if (bucket.length === 0) return;
    const colour = STATUS_COLOURS[status];
    context.globalAlpha = status === OFFLINE ? 0.6 : 1;
    context.beginPath();
    for (const unit of bucket) {
      const radius = unitRadius(unit, sizeScale);
      context.moveTo(unit.screenX + radius, unit.screenY);
      context.arc(unit.screenX, unit.screenY, radius, 0, 2 * Math.PI);
    }
    context.fillStyle = colour;
    context.fill();
    context.lineWidth = 1;
    context.strokeStyle = palette.unitOutline;
    context.stroke();
    paintHeadingTicks(context, bucket, colour, sizeScale);
    context.globalAlpha = 1;
  }

  // Vehicles with a known heading get a short tick pointing where they drive (0° = north, clockwise).
  function paintHeadingTicks(context, bucket, colour, sizeScale) {
    context.beginPath();
    for (const unit of bucket) {
      if (unit.heading === null || !VEHICLE_KINDS.has(unit.kind)) continue;
      const radius = unitRadius(unit, sizeScale);
      const dx = Math.sin(unit.heading * Math.PI / 180);
      const dy = -Math.cos(unit.heading * Math.PI / 180);
      context.moveTo(unit.screenX + dx * radius, unit.screenY + dy * radius);
      context.lineTo(unit.screenX + dx * (radius + 6 * sizeScale), unit.screenY + dy * (radius + 6 * sizeScale));
    }
    context.lineWidth = 2.5 * sizeScale;
    context.lineCap = "round";
    context.strokeStyle = colour;
    context.stroke();
  }

  function paintHighlights(context, sizeScale) {
    if (highlighted.size === 0) return;
    context.beginPath();
    for (const code of highlighted) {
      const unit = units.get(code);
      if (!unit || !unit.visible) continue;
      const radius = unitRadius(unit, sizeScale) + 6;
      context.moveTo(unit.screenX + radius, unit.screenY);
      context.arc(unit.screenX, unit.screenY, radius, 0, 2 * Math.PI);
    }
    context.lineWidth = 5;
    context.strokeStyle = palette.highlightHalo;
    context.stroke();
    context.lineWidth = 2.5;
    context.strokeStyle = palette.highlight;
    context.stroke();
  }

  function highlight(codes) {
    const valid = Array.isArray(codes)
      ? codes.filter((code) => typeof code === "string" && code.length > 0).slice(0, MAX_HIGHLIGHTS)
      : [];
    highlighted = new Set(valid);
    overlay.requestRedraw();
  }

  function clear() {
    units.clear();
    codesBySlot.length = 0;
    overlay.requestRedraw();
  }

  return { layer: overlay, applyPacked, positionOf, highlight, clear, count: () => units.size };
}

function glideProgress(unit, now) {
  return clamp((now - unit.moveStart) / GLIDE_MS, 0, 1);
}

// Walkers seen from a township-wide zoom move a fraction of a pixel: no reason to repaint 60 times a second for them.
function glideIsVisible(unit, worldSize) {
  return (Math.abs(unit.toX - unit.fromX) + Math.abs(unit.toY - unit.fromY)) * worldSize > 0.5;
}

function unitRadius(unit, sizeScale) {
  return (RADIUS_BY_KIND[unit.kind] || DEFAULT_RADIUS) * sizeScale;
}
