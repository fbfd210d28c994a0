package principle

import (
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// What a sensor says it processes decides its duties, not the label it
// carries (record.PersonalBySign: the one table of such signs). Here is
// what the checklist asks of it: whether personal data is assumed, and
// which of the DPIA's grounds a sensor falls under.

// personalWhyOf reports whether a record processes personal data whatever
// personal_data.processed says, and why: by its nature (its type,
// capabilities or camera regime, record.PersonalByNature), or by what its
// own fields say it processes (record.PersonalBySign: its categories, its
// datasets), whichever kind it is. Why is told in Dutch and in English;
// what its nature names is a field's value, the same in both.
func personalWhyOf(r *record.Record) (label.Text, bool) {
	if why, ok := r.PersonalByNature(); ok {
		return label.Text{why, why}, true
	}
	return r.PersonalBySign()
}

// personal reports whether personal data must be assumed (6.4, by nature
// or by sign: record.ProcessesPersonalData). Every rule of the checklist
// asks this, so each rule that does reads personal_data, capabilities and
// datasets (readsTable).
func personal(r *record.Record) bool { return r.ProcessesPersonalData() }

// tracking reports whether a sensor tracks devices or people: its type,
// a tracking capability, or device identifiers or location traces among
// what it says it processes (the Dutch DPA's list: location data).
func tracking(r *record.Record) bool {
	if r.Kind != record.Sensor {
		return false
	}
	if r.SensorType == "wifi_bluetooth_counter" || r.Has("device_tracking") || r.Has("person_tracking") {
		return true
	}
	return r.HasSign(record.SignDevice) || r.HasSign(record.SignLocation)
}

// plates reports whether a sensor says it processes licence plates.
func plates(r *record.Record) bool { return r.HasSign(record.SignPlates) }

// deviceCounter reports whether a sensor picks up identifiers of phones:
// what device-minimisation concerns.
func deviceCounter(r *record.Record) bool {
	if r.Kind != record.Sensor {
		return false
	}
	return r.SensorType == "wifi_bluetooth_counter" || r.Has("device_tracking") || r.HasSign(record.SignDevice)
}
