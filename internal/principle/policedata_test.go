package principle

// The cameras the tests of police data judge: each films people in public
// space; they differ in who works them and under which law their data
// fall.
const (
	// boaCamera is a municipality's camera whose boa's process its data as
	// police data, to investigate the offences of their deed.
	boaCamera = boaCameraBase + "legal_basis: {regime: police_data, boa: true}\n"
	// boaCameraGDPR is the same camera under the GDPR.
	boaCameraGDPR = boaCameraBase + "legal_basis: {regime: gdpr, gdpr_ground: public_task}\n"
	boaCameraBase = `
id: b
kind: sensor
status: active
organisation: {type: municipality}
personal_data: {processed: "yes"}
sensor_type: camera
camera_regime: other
`
	// policeOwnCamera is the police's own.
	policeOwnCamera = `
id: b
kind: sensor
status: active
organisation: {type: police}
personal_data: {processed: "yes"}
sensor_type: camera
camera_regime: police
legal_basis: {regime: police_data}
`
	// policeViewedCamera is the mayor's camera whose images the police
	// view: the municipality that runs it stays under the GDPR.
	policeViewedCamera = `
id: b
kind: sensor
status: active
organisation: {type: municipality}
personal_data: {processed: "yes"}
sensor_type: camera
camera_regime: public_order
legal_basis: {regime: police_data}
`
)
