package record

import "testing"

// Names151c is how both register migrate and the checklist tell a legal
// basis that names the mayor's camera surveillance (Gemeentewet 151c).
func TestNames151c(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Gemeentewet artikel 151c en APV Voorbeeldstad artikel 2.77", true},
		{"art. 151c lid 1 Gemeentewet", true},
		{"GEMEENTEWET 151C", true},
		{"https://wetten.overheid.nl/BWBR0005416/2026-01-01#Hoofdstuk11_Artikel151c", true},
		{"Gemeentewet art. 151b (veiligheidsrisicogebied)", false},
		{"art. 1151c", false},
		{"art. 151ca", false},
		{"Wegenverkeerswet 1994", false},
		{"", false},
		// A mention that says the camera is not under 151c does not name
		// it as its basis.
		{"Wegenverkeerswet 1994. Dit is geen cameratoezicht voor de openbare orde (niet art. 151c Gemeentewet).", false},
		{"Wegenverkeerswet; valt niet onder artikel 151c van de Gemeentewet", false},
		{"Geen cameratoezicht als bedoeld in artikel 151c Gemeentewet", false},
		{"Road Traffic Act 1994, not under article 151c of the Municipalities Act", false},
		// Only a denial of 151c itself: a denial of something else, or
		// one that adds to it, still names it.
		{"Zonder APV, op grond van art. 151c Gemeentewet", true},
		{"De camera's draaien niet 's nachts, op grond van art. 151c Gemeentewet", true},
		{"De camera's draaien niet 's nachts op grond van art. 151c Gemeentewet", true},
		{"Niet alleen art. 151c Gemeentewet, ook de APV", true},
		{"not only article 151c of the Municipalities Act", true},
		{"Geen bezwaar; Gemeentewet art. 151c", true},
		// A sentence that ends in a denial does not deny the next one;
		// the full stop of an abbreviation ends no sentence.
		{"De politie kijkt live mee, de gemeente niet. Het is cameratoezicht voor de openbare orde op grond van artikel 151c Gemeentewet.", true},
		{"Heimelijk? Niet. Cameratoezicht op grond van art. 151c", true},
		{"Heimelijk? Nee! Cameratoezicht op grond van art. 151c", true},
		{"Niet art. 151c Gemeentewet maar de Wegenverkeerswet.", false},
		{"Valt niet onder art. nr. 151c", false},
		{"art. 151c Gemeentewet (niet art. 151b)", true},
		{"niet art. 151b maar art. 151c Gemeentewet", true},
		{"Geen cameratoezicht als bedoeld in artikel 151c Gemeentewet, https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=151c", true},
	} {
		if got := Names151c(tt.text); got != tt.want {
			t.Errorf("Names151c(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A camera whose legal basis names 151c is judged as public order whatever
// its camera_regime says: the stricter regime wins.
func TestPublicOrderFollowsALegalBasisNaming151c(t *testing.T) {
	basis := &LegalBasis{Regime: "police_data", Law: "Gemeentewet art. 151c"}
	link := &LegalBasis{Regime: "gdpr", Links: []string{"https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=151c"}}
	for _, tt := range []struct {
		name   string
		r      Record
		want   bool
		regime string
	}{
		{"labelled public order", Record{Kind: Sensor, SensorType: "camera", CameraRegime: RegimePublicOrder}, true, RegimePublicOrder},
		{"labelled other, law names 151c", Record{Kind: Sensor, SensorType: "camera", CameraRegime: "other", LegalBasis: basis}, true, RegimePublicOrder},
		{"object security, a link to 151c", Record{Kind: Sensor, SensorType: "anpr_camera", CameraRegime: "object_security", LegalBasis: link}, true, RegimePublicOrder},
		{"a traffic camera", Record{Kind: Sensor, SensorType: "camera", CameraRegime: "traffic_management", LegalBasis: &LegalBasis{Law: "Wegenverkeerswet"}}, false, "traffic_management"},
		{"a noise sensor is no camera", Record{Kind: Sensor, SensorType: "noise", LegalBasis: &LegalBasis{Law: "Omgevingswet"}}, false, ""},
		{"smart lighting labelled public order", Record{Kind: Sensor, SensorType: "smart_lighting", CameraRegime: RegimePublicOrder, Capabilities: []string{"video_recording"}}, true, RegimePublicOrder},
		{"a sensor of another type whose law names 151c", Record{Kind: Sensor, SensorType: "other", LegalBasis: basis}, true, RegimePublicOrder},
		{"an algorithm is no camera", Record{Kind: Algorithm, LegalBasis: basis}, false, ""},
	} {
		if got := tt.r.PublicOrder(); got != tt.want || tt.r.Regime() != tt.regime {
			t.Errorf("%s: PublicOrder %v, Regime %q; want %v, %q", tt.name, got, tt.r.Regime(), tt.want, tt.regime)
		}
	}
}

// What a sensor does, or the law it claims, makes it a camera, whatever its
// sensor_type says: a label cannot take a camera out of its duties.
func TestACameraIsWhatFilmsOrClaimsACamerasLaw(t *testing.T) {
	for _, tt := range []struct {
		name             string
		r                Record
		camera, isRegime bool
	}{
		{"a camera by its type", Record{Kind: Sensor, SensorType: "camera"}, true, true},
		{"an ANPR camera by its type", Record{Kind: Sensor, SensorType: "anpr_camera"}, true, true},
		{"smart lighting that records video", Record{Kind: Sensor, SensorType: "smart_lighting", Capabilities: []string{"video_recording"}}, true, true},
		{"another sensor that is viewed live", Record{Kind: Sensor, SensorType: "other", Capabilities: []string{"live_viewing"}}, true, true},
		{"a sensor whose legal basis names 151c", Record{Kind: Sensor, SensorType: "crowd_counter", LegalBasis: &LegalBasis{Law: "Gemeentewet art. 151c"}}, true, true},
		{"a sensor labelled public order", Record{Kind: Sensor, SensorType: "smart_lighting", CameraRegime: RegimePublicOrder}, true, true},
		{"a drone has a regime", Record{Kind: Sensor, SensorType: "drone"}, false, true},
		{"a sensor that states a regime has one", Record{Kind: Sensor, SensorType: "traffic_counter", CameraRegime: "traffic_management"}, false, true},
		{"a counter that analyses images is no camera", Record{Kind: Sensor, SensorType: "crowd_counter", Capabilities: []string{"image_analysis", "people_counting"}}, false, false},
		{"a water-level sensor", Record{Kind: Sensor, SensorType: "water_level"}, false, false},
		{"an algorithm that records video is no sensor", Record{Kind: Algorithm, Capabilities: []string{"video_recording"}}, false, false},
	} {
		if got, reg := tt.r.IsCamera(), tt.r.HasRegime(); got != tt.camera || reg != tt.isRegime {
			t.Errorf("%s: IsCamera %v, HasRegime %v; want %v, %v", tt.name, got, reg, tt.camera, tt.isRegime)
		}
	}
}
