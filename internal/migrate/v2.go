package migrate

import (
	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// QuestionMark starts the comment migrate leaves on a value it could not
// decide: the value is "unknown", which `register check` reports as an open
// question, never a guess presented as fact.
const QuestionMark = "# register migrate: open question"

// toV2 is the step from format v1 to v2: cameras, ANPR cameras and drones
// state the law they fall under (camera_regime). migrate fills it in only
// where the record itself settles it: a police operator's camera is a
// police camera, a private operator's is private, and a municipal camera
// whose legal basis names Gemeentewet 151c is the mayor's public-order
// camera. Every other camera gets camera_regime: unknown with a question
// for its owner. The other v2 fields are new and optional, and v1 values
// stay valid: face_recognition and biometric_identification, which do not
// say real time or after the fact, count as real time until the owner
// says otherwise, and the checklist says so.
var toV2 = Step{
	From: 1,
	Note: label.Text{"camera's, ANPR-camera's, drones en andere sensoren die filmen vermelden hun camera_regime (unknown waar dat niet uit de registratie blijkt)",
		"cameras, ANPR cameras, drones and other sensors that film state their camera_regime (unknown where it cannot be told from the record)"},
	Edit: func(data []byte, root *yaml.Node) ([]byte, error) {
		if value(root, "kind") != string(record.Sensor) {
			return data, nil
		}
		if !needsRegime(root) {
			return data, nil
		}
		if source.Value(root, "camera_regime") != nil {
			return data, nil
		}
		f := field{key: "camera_regime", value: regimeFor(root)}
		if f.value == record.RegimeUnknown {
			f.comment = QuestionMark + ": which law does this camera fall under? public_order (Gemeentewet 151c, the mayor), police, traffic_management, enforcement, operational, object_security, private or other"
		}
		return insertAfter(data, root, "sensor_type", f)
	},
}

// needsRegime reports whether the sensor must state its camera_regime, as
// record.HasRegime reads it: cameras, ANPR cameras and drones by their type,
// and a sensor of any other type that records video, is viewed live or
// rests on Gemeentewet 151c, since what it does makes it a camera.
func needsRegime(root *yaml.Node) bool {
	switch value(root, "sensor_type") {
	case "camera", "anpr_camera", "drone":
		return true
	}
	if caps := source.Value(root, "capabilities"); caps != nil && caps.Kind == yaml.SequenceNode {
		for _, c := range caps.Content {
			if c.Kind == yaml.ScalarNode && (c.Value == "video_recording" || c.Value == "live_viewing") {
				return true
			}
		}
	}
	return record.Names151c(legalBasisTexts(source.Value(root, "legal_basis"))...)
}

// regimeFor is the camera regime the record itself settles, or unknown.
func regimeFor(root *yaml.Node) string {
	org := source.Value(root, "organisation")
	switch value(org, "type") {
	case "police":
		return record.RegimePolice
	case "private":
		return record.RegimePrivate
	case "municipality":
		if record.Names151c(legalBasisTexts(source.Value(root, "legal_basis"))...) {
			return record.RegimePublicOrder
		}
	}
	return record.RegimeUnknown
}

// legalBasisTexts are the law and links of a legal basis, the texts
// record.Names151c reads, as the checklist reads them.
func legalBasisTexts(lb *yaml.Node) []string {
	texts := []string{value(lb, "law")}
	if links := source.Value(lb, "links"); links != nil && links.Kind == yaml.SequenceNode {
		for _, l := range links.Content {
			if l.Kind == yaml.ScalarNode {
				texts = append(texts, l.Value)
			}
		}
	}
	return texts
}

// value returns a scalar of a mapping, or "".
func value(m *yaml.Node, name string) string {
	if n := source.Value(m, name); n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}
