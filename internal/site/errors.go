package site

import "github.com/voorbeeldstad/register/internal/message"

// What a build that cannot be done says, in both languages: the command
// prints it in the run's. A system's error quoted in one keeps its own
// words, and errors.Is still sees it.
var (
	msgBuild            = message.New("build site: %v", "site bouwen: %v")
	msgBuildAt          = message.New("build site: %s: %v", "site bouwen: %s: %v")
	msgTilesURL         = message.New("build site: site.tiles_url %q must be an https URL with {z}, {x} and {y}, for example https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png", "site bouwen: site.tiles_url %q moet een https-adres zijn met {z}, {x} en {y}, zoals https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png")
	msgTwoFiles         = message.New("build site: two files would be written to %s; please report this", "site bouwen: er zouden twee bestanden naar %s worden geschreven; meld dit als fout in het programma")
	msgChangedMeanwhile = message.New("build site: %s changed while the site was built; build again", "site bouwen: %s is veranderd terwijl de site werd gebouwd; bouw opnieuw")
)

// failed is err as the build reports it.
func failed(err error) error { return msgBuild.ErrOf(err, err) }

// failedAt is err, about the file or folder at p, as the build reports it.
func failedAt(p string, err error) error { return msgBuildAt.ErrOf(err, p, err) }
