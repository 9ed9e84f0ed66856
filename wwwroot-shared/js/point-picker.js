// Picking one place on the map (where a dispute happened): a click sets the marker and tells .NET the WGS-84 point.
// Off until enabled, so the wall and desk maps never react to clicks on empty ground.
import { circleMarker } from "../node_modules/leaflet/dist/leaflet-src.esm.js";
import { finiteOr } from "./geo.js";

export function createPointPicker(map, project, unproject, palette, notify) {
  let marker = null;
  let enabled = false;

  function onClick(event) {
    const point = unproject(event.latlng.lat, event.latlng.lng);
    if (!point) return;
    setPoint(point[0], point[1]);
    // Six decimals are ~0.1 m: enough for a household, and no float noise in the form.
    notify("OnPointPicked", Number(point[0].toFixed(6)), Number(point[1].toFixed(6)));
  }

  function enable() {
    if (enabled) return;
    enabled = true;
    map.getContainer().classList.add("pa-picking");
    map.on("click", onClick);
  }

  function setPoint(lat, lon) {
    const at = project(finiteOr(lat, NaN), finiteOr(lon, NaN));
    if (!at) return clear();
    if (marker) marker.setLatLng(at);
    else marker = circleMarker(at, { radius: 9, color: palette.track, weight: 3, fillOpacity: 0.35 }).addTo(map);
  }

  function clear() {
    marker?.remove();
    marker = null;
  }

  function dispose() {
    map.off("click", onClick);
    map.getContainer().classList.remove("pa-picking");
    clear();
  }

  return { enable, setPoint, clear, dispose };
}
