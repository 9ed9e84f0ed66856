// A Leaflet layer owning one <canvas> the size of the map. Thousands of units are painted on it in a few batched
// paths; one DOM marker or one Leaflet vector per unit would not stay smooth at 5,000 units a second.
import { Layer, DomUtil, setOptions } from "../node_modules/leaflet/dist/leaflet-src.esm.js";

/**
 * `draw(context, view)` paints in CSS pixels; view = { width, height, originX, originY, worldSize, zoom, now }
 * where a point at normalised Mercator (mx, my) sits at (mx * worldSize - originX, my * worldSize - originY).
 * It returns true while it is animating, to be called again next frame.
 */
export const CanvasOverlay = Layer.extend({
  initialize(draw, options) {
    setOptions(this, options);
    this._draw = draw;
    this._frame = 0;
  },

  onAdd(map) {
    this._canvas = DomUtil.create("canvas", "pa-unit-canvas leaflet-zoom-hide");
    this._canvas.style.pointerEvents = "none";
    this._context = this._canvas.getContext("2d");
    this.getPane().appendChild(this._canvas);
    map.on("move", this.requestRedraw, this);
    // A zoom or resize changes the pixel origin at once; painting in the same task avoids one frame of misplaced units.
    map.on("zoom viewreset resize", this.redrawNow, this);
    this.redrawNow();
  },

  onRemove(map) {
    map.off("move", this.requestRedraw, this);
    map.off("zoom viewreset resize", this.redrawNow, this);
    this._cancelFrame();
    this._canvas.remove();
    this._canvas = null;
    this._context = null;
  },

  /** Coalesces any number of changes into at most one paint per animation frame. */
  requestRedraw() {
    if (this._frame || !this._map) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this._paint();
    });
  },

  redrawNow() {
    this._cancelFrame();
    this._paint();
  },

  _cancelFrame() {
    if (this._frame) cancelAnimationFrame(this._frame);
    this._frame = 0;
  },

  _paint() {
    const map = this._map;
    if (!map || !this._context) return;
    const size = map.getSize();
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    DomUtil.setPosition(this._canvas, topLeft);
    this._fitBackingStore(size.x, size.y);

    const context = this._context;
    const zoom = map.getZoom();
    const pixelOrigin = map.getPixelOrigin();
    context.clearRect(0, 0, size.x, size.y);
    const animating = this._draw(context, {
      width: size.x,
      height: size.y,
      originX: pixelOrigin.x + topLeft.x,
      originY: pixelOrigin.y + topLeft.y,
      worldSize: 256 * Math.pow(2, zoom),
      zoom,
      now: performance.now(),
    });
    if (animating) this.requestRedraw();
  },

  // The backing store follows devicePixelRatio so dots stay crisp on 4K walls; checked on every paint because a
  // window dragged to another screen changes the ratio without a resize event.
  _fitBackingStore(width, height) {
    const ratio = Math.min(4, Math.max(1, window.devicePixelRatio || 1));
    const canvas = this._canvas;
    const backingWidth = Math.round(width * ratio);
    const backingHeight = Math.round(height * ratio);
    if (canvas.width !== backingWidth || canvas.height !== backingHeight) {
      canvas.width = backingWidth;
      canvas.height = backingHeight;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    this._context.setTransform(ratio, 0, 0, ratio, 0, 0);
  },
});
