package placeholder

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name, org string
		r         record.Record
		want      []string // paths
	}{
		{"a clean record", "Gemeente Heidebeek", record.Record{Name: "Camera Markt", Owner: record.Owner{Email: "toezicht@heidebeek.nl"}}, nil},
		{"words, a mailbox and a position", "Gemeente Heidebeek", record.Record{Name: "Camera " + Fill, Owner: record.Owner{Email: Mailbox},
			Location: &record.Location{PointRD: &record.PointRD{X: OriginX, Y: OriginY}}}, []string{"/name", "/owner/email", "/location/point_rd"}},
		{"the documentation's town is its own", "Gemeente Voorbeeldstad", record.Record{Owner: record.Owner{Email: "a@www.voorbeeldstad.example"}}, nil},
		{"the documentation's town in another's register", "", record.Record{Organisation: record.Organisation{Name: "Gemeente Heidebeek"},
			Links: []record.Link{{URL: "https://www.voorbeeldstad.example/x"}}}, []string{"/links/0/url"}},
		{"the position in WGS84", "", record.Record{Location: &record.Location{Point: &record.Point{Lat: OriginLat, Lon: OriginLon}}}, []string{"/location/point"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Find(&tt.r, tt.org) {
				got = append(got, m.Path)
				if m.What == "" || m.WhatNL == "" {
					t.Errorf("%s: no words for the mark", m.Path)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("marks at %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("marks at %v, want %v", got, tt.want)
				}
			}
		})
	}
	if Find(nil, "") != nil {
		t.Error("a nil record has marks")
	}
}
