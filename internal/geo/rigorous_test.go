package geo

import "math"

// This file holds an independent reference for the tests: the full EPSG
// definition of RD (Oblique Stereographic, EPSG method 9809, on the Bessel
// 1841 ellipsoid) followed by the 7-parameter Helmert shift Amersfoort →
// WGS 84 (EPSG transformation 15739, accurate to about a metre). It shares
// no formula with the series in geo.go, so agreement between the two across
// the country is evidence that the series and its coefficients are right.

const (
	besselA    = 6377397.155
	besselInvF = 299.1528128
	wgsA       = 6378137.0
	wgsInvF    = 298.257223563

	rdLat0 = 52.0 + 9.0/60 + 22.178/3600 // 52°09'22.178" N
	rdLon0 = 5.0 + 23.0/60 + 15.500/3600 // 5°23'15.500" E
	rdK0   = 0.9999079
)

// The Helmert parameters, position-vector convention: metres, arc seconds,
// parts per million.
var helmert = [7]float64{565.417, 50.3319, 465.552, -0.398957, 0.343988, -1.8774, 4.0725}

// rigorousRDToWGS84 converts RD to WGS84 the long way round.
func rigorousRDToWGS84(x, y float64) (lat, lon float64) {
	const rad = math.Pi / 180
	f := 1 / besselInvF
	e2 := 2*f - f*f
	e := math.Sqrt(e2)
	phi0 := rdLat0 * rad
	lam0 := rdLon0 * rad
	s0 := math.Sin(phi0)

	rho0 := besselA * (1 - e2) / math.Pow(1-e2*s0*s0, 1.5)
	nu0 := besselA / math.Sqrt(1-e2*s0*s0)
	r := math.Sqrt(rho0 * nu0)
	n := math.Sqrt(1 + e2*math.Pow(math.Cos(phi0), 4)/(1-e2))
	s1 := (1 + s0) / (1 - s0)
	s2 := (1 - e*s0) / (1 + e*s0)
	w1 := math.Pow(s1*math.Pow(s2, e), n)
	sinChi00 := (w1 - 1) / (w1 + 1)
	c := (n + s0) * (1 - sinChi00) / ((n - s0) * (1 + sinChi00))
	w2 := c * w1
	chi0 := math.Asin((w2 - 1) / (w2 + 1))

	// Inverse projection to conformal, then geodetic, coordinates on Bessel.
	de, dn := x-155000, y-463000
	g := 2 * r * rdK0 * math.Tan(math.Pi/4-chi0/2)
	h := 4*r*rdK0*math.Tan(chi0) + g
	i := math.Atan(de / (h + dn))
	j := math.Atan(de/(g-dn)) - i
	chi := chi0 + 2*math.Atan((dn-de*math.Tan(j/2))/(2*r*rdK0))
	bigLam := j + 2*i + lam0
	lam := (bigLam-lam0)/n + lam0
	psi := 0.5 * math.Log((1+math.Sin(chi))/(c*(1-math.Sin(chi)))) / n
	phi := 2*math.Atan(math.Exp(psi)) - math.Pi/2
	for range 10 {
		sp := math.Sin(phi)
		psiI := math.Log(math.Tan(phi/2+math.Pi/4) * math.Pow((1-e*sp)/(1+e*sp), e/2))
		phi -= (psiI - psi) * math.Cos(phi) * (1 - e2*sp*sp) / (1 - e2)
	}

	// Bessel geodetic → geocentric (at height 0: a few tens of metres of
	// height move the result by millimetres).
	sp, cp := math.Sin(phi), math.Cos(phi)
	nu := besselA / math.Sqrt(1-e2*sp*sp)
	X := nu * cp * math.Cos(lam)
	Y := nu * cp * math.Sin(lam)
	Z := nu * (1 - e2) * sp

	// Helmert, position-vector rotation (small-angle form).
	const sec = math.Pi / (180 * 3600)
	rx, ry, rz := helmert[3]*sec, helmert[4]*sec, helmert[5]*sec
	m := 1 + helmert[6]*1e-6
	X2 := helmert[0] + m*(X-rz*Y+ry*Z)
	Y2 := helmert[1] + m*(rz*X+Y-rx*Z)
	Z2 := helmert[2] + m*(-ry*X+rx*Y+Z)

	// Geocentric → WGS84 geodetic, by fixed-point iteration on latitude.
	fw := 1 / wgsInvF
	ew2 := 2*fw - fw*fw
	p := math.Hypot(X2, Y2)
	lat = math.Atan2(Z2, p*(1-ew2))
	for range 10 {
		sl := math.Sin(lat)
		nw := wgsA / math.Sqrt(1-ew2*sl*sl)
		ht := p/math.Cos(lat) - nw
		lat = math.Atan2(Z2, p*(1-ew2*nw/(nw+ht)))
	}
	lon = math.Atan2(Y2, X2)
	return lat / rad, lon / rad
}
