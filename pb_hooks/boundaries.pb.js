/// <reference path="../pb_data/types.d.ts" />
// Division boundaries (街道/镇 and 社区 polygons): matched by division code, valid, inside Fenyang and not overlapping
// another boundary of their level — on every create and update, single or batched (an import is one batch, so one
// refused boundary leaves nothing written).

onRecordCreateRequest((e) => require(`${__hooks}/lib/boundaries.js`).checkRequest(e), "division_boundaries");
onRecordUpdateRequest((e) => require(`${__hooks}/lib/boundaries.js`).checkRequest(e), "division_boundaries");
