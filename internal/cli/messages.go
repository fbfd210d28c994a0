package cli

import "github.com/voorbeeldstad/register/internal/message"

// The command line's own texts, English and Dutch side by side: help, the
// errors a user hits and what a command did. Findings and reports carry
// their own Dutch (a finding's Message is a label.Text; report.Options.Lang).
// A test holds every text to both languages and to the same arguments.

// The root command and what every command shares.
var (
	msgRootShort = message.New(
		"Keep a public register of sensors and algorithms and check them against the principles",
		"Houd een openbaar register bij van sensoren en algoritmes en toets ze aan de principes")
	msgRootLong = message.New(
		`register validates, checks and publishes a municipality's register of sensors and
algorithms: one YAML file per record under sensors/ and algorithms/, checked against
the JSON Schemas and the principles for the digital society (VNG) the council adopted.`,
		`register valideert, toetst en publiceert het register van sensoren en algoritmes van een
gemeente: één YAML-bestand per registratie in sensors/ en algorithms/, getoetst aan de
JSON Schema's en aan de Principes voor de digitale samenleving (VNG) die de raad heeft
vastgesteld.`)
	msgLangUsage = message.New(
		"language of messages, findings and summaries: nl or en (default: the first of register.yaml's languages, else LANG)",
		"taal van meldingen, bevindingen en samenvattingen: nl of en (standaard: de eerste taal in register.yaml, anders LANG)")
	msgRootUsage = message.New(
		"register root holding sensors/ and algorithms/ (default ./register when it exists, else .)",
		"map van het register, met sensors/ en algorithms/ (standaard ./register als die bestaat, anders .)")
	msgHelpUsage       = message.New("help for %s", "uitleg bij %s")
	msgVersionUsage    = message.New("version for %s", "versie van %s")
	msgHelpCmdShort    = message.New("Help about any command", "Uitleg bij een opdracht")
	msgCompletionShort = message.New("Generate the autocompletion script for the specified shell",
		"Maak het script voor het aanvullen van opdrachten in de opgegeven shell")
	msgSeeHelp          = message.New("Run 'register --help' for usage.", "Zie 'register --help' voor het gebruik.")
	msgWarning          = message.New("warning", "waarschuwing")
	msgLangFlag         = message.New("--lang %q: use nl or en", "--lang %q: kies nl of en")
	msgUnknownCommand   = message.New("unknown command %q for %q%s", "onbekende opdracht %q voor %q%s")
	msgArgsExactly      = message.New("takes %s argument(s), received %s", "verwacht %s argument(en), maar kreeg er %s")
	msgArgsAtMost       = message.New("takes at most %s argument(s), received %s", "verwacht hoogstens %s argument(en), maar kreeg er %s")
	msgUnknownFlag      = message.New("unknown flag: %s", "onbekende optie: %s")
	msgUnknownShorthand = message.New("unknown shorthand flag: %s", "onbekende korte optie: %s")
	msgFlagNeedsValue   = message.New("flag needs an argument: %s", "optie zonder waarde: %s")
	msgFlagBadValue     = message.New("invalid value %s for %s: %s", "ongeldige waarde %s voor %s: %s")
	msgNotExist         = message.New("%s: no such file or folder", "%s: dit bestand of deze map bestaat niet")
	msgNoAccess         = message.New("%s: permission denied", "%s: geen toegang")
	msgWriteNoAccess    = message.New("cannot write %s: no permission to write in %s; choose another folder, or fix the folder's permissions",
		"kan %s niet schrijven: geen toestemming om te schrijven in %s; kies een andere map, of pas de rechten van de map aan")
	msgWriteNoFolder = message.New("cannot write %s: the folder %s does not exist; create it, or choose another folder",
		"kan %s niet schrijven: de map %s bestaat niet; maak hem aan, of kies een andere map")
	msgWriteFailed = message.New("cannot write %s: %s; check the folder and the free disk space, or choose another folder",
		"kan %s niet schrijven: %s; controleer de map en de vrije schijfruimte, of kies een andere map")
	// What a command says of an output (--out, --output) that would write
	// over the register it reads (output.go): the flag, the path as given,
	// and the part of the register it is, or that it holds.
	msgOutputConfig = message.New("%s %s would write over the register's configuration %s: name another file for the output",
		"%s %s zou de instellingen van het register, %s, overschrijven: kies een ander bestand voor de uitvoer")
	msgOutputRecordFolder = message.New("%s %s is the register's record folder %s: write the output outside sensors/ and algorithms/",
		"%s %s is de map met registraties %s: schrijf de uitvoer buiten sensors/ en algorithms/")
	msgOutputInRecords = message.New("%s %s is in the register's record folder %s, which holds the records and nothing else: write the output outside sensors/ and algorithms/",
		"%s %s ligt in de map met registraties %s, die alleen registraties bevat: schrijf de uitvoer buiten sensors/ en algorithms/")
	msgOutputHoldsRegister = message.New("%s %s holds the register's %s, and the whole folder would be replaced: choose another folder, outside sensors/ and algorithms/",
		"%s %s bevat %s van het register, en de hele map zou worden vervangen: kies een andere map, buiten sensors/ en algorithms/")
	msgOutputIsFolder = message.New("%s %s is a folder; name a file, in that folder or elsewhere",
		"%s %s is een map; geef een bestand op, in die map of elders")
	msgOutputIsFile = message.New("%s %s is a file, not a folder; name a folder, a new one or one the command wrote before",
		"%s %s is een bestand, geen map; geef een map op, een nieuwe of een die de opdracht eerder schreef")
	msgOutputUnderFile = message.New("%s %s lies under %s, which is a file, not a folder; name a folder elsewhere",
		"%s %s ligt onder %s, dat een bestand is, geen map; geef een map elders op")
	msgOutputInGit = message.New("%s %s would write in the Git repository's %s, which only Git may change: write the output elsewhere",
		"%s %s zou schrijven in %s van de Git-repository, die alleen Git mag wijzigen: schrijf de uitvoer ergens anders")
	msgFormatUsage         = message.New("output format: %s", "uitvoerformaat: %s")
	msgFindingsFormatUsage = message.New("format of the findings: %s", "formaat van de bevindingen: %s")
	msgCheckAsOfUsage      = message.New("check as if today were this date (YYYY-MM-DD); default: today in Europe/Amsterdam",
		"toets alsof het vandaag deze datum is (JJJJ-MM-DD); standaard: vandaag in Europe/Amsterdam")
	msgDueAsOfUsage = message.New("list as if today were this date (YYYY-MM-DD); default: today in Europe/Amsterdam",
		"toon de lijst alsof het vandaag deze datum is (JJJJ-MM-DD); standaard: vandaag in Europe/Amsterdam")
	msgQualityAsOfUsage = message.New("report as if today were this date (YYYY-MM-DD); default: today in Europe/Amsterdam",
		"meet alsof het vandaag deze datum is (JJJJ-MM-DD); standaard: vandaag in Europe/Amsterdam")
	msgFederateAsOfUsage = message.New("measure quality as if today were this date (YYYY-MM-DD)",
		"meet de kwaliteit alsof het vandaag deze datum is (JJJJ-MM-DD)")
	msgAsOf             = message.New("--as-of: %v", "--as-of: %v")
	msgAsOfRange        = message.New("--as-of %s: give a date from %s to %s", "--as-of %s: geef een datum van %s tot en met %s")
	msgConfigUnreadable = message.New(
		"%s cannot be read, and this command does not run on default settings: fix the file where the line above says ('register validate' lists its problems)",
		"%s is onleesbaar, en deze opdracht werkt niet met de standaardinstellingen: verbeter het bestand waar de regel hierboven het zegt ('register validate' noemt de problemen)")
	msgOutputUsage = message.New("write to this file (replaced atomically) instead of standard output",
		"schrijf naar dit bestand (in één keer vervangen) in plaats van naar standaarduitvoer")
	msgDryRunUsage    = message.New("show what would be written, and write nothing", "laat zien wat geschreven zou worden, en schrijf niets")
	msgCreated        = message.New("created %s", "aangemaakt: %s")
	msgWouldWrite     = message.New("--- would write %s", "--- zou schrijven: %s")
	msgWouldWriteLine = message.New("--- would write %s (line %d)", "--- zou schrijven: %s (regel %d)")
	msgReadFile       = message.ReadFailed
	msgKindFlag       = message.New("--kind %q: use sensor or algorithm", "--kind %q: kies sensor of algorithm")
)

// Short descriptions of the commands, as help lists them.
var (
	msgBuildShort = message.New("Build the public register website (a static site) with open-data downloads",
		"Bouw de openbare website van het register (een statische site) met downloads als open data")
	msgChainShort = message.New("List the records that use a dataset or share with a party, and whom to tell of a correction",
		"Toon de registraties die een gegevensbron gebruiken of met een partij delen, en wie u over een correctie moet informeren")
	msgChangesShort = message.New("List records added, changed and removed since a tag, commit or date",
		"Toon de registraties die sinds een tag, commit of datum zijn toegevoegd, gewijzigd of verwijderd")
	msgCheckShort = message.New("Validate the register and check every record against the principles",
		"Valideer het register en toets elke registratie aan de principes")
	msgCompareShort         = message.New("Compare the register with another register", "Vergelijk het register met een ander register")
	msgCompareNationalShort = message.New("Compare the algorithms with the municipality's entries on the national algorithm register",
		"Vergelijk de algoritmes met de vermeldingen van de gemeente in het landelijke Algoritmeregister")
	msgDueShort = message.New("List lapsed evaluations, ended life cycles and what falls due soon",
		"Toon verlopen evaluaties, beëindigde levenscycli en wat binnenkort afloopt")
	msgExplainShort = message.New("Explain why a rule exists, what satisfies it, with an example",
		"Leg uit waarom een regel bestaat en wat eraan voldoet, met een voorbeeld")
	msgExportShort = message.New("Export the register for the national algorithm register, sensor platforms and open-data portals",
		"Exporteer het register voor het landelijke Algoritmeregister, sensorplatforms en opendataportalen")
	msgFederateShort = message.New("Build one national register (site and open data) from many municipal registers",
		"Bouw één landelijk register (site en open data) uit de registers van veel gemeenten")
	msgHistoryShort = message.New("Show the commits that changed a record, with the fields they changed",
		"Toon de commits die een registratie hebben gewijzigd, met de gewijzigde velden")
	msgImportShort = message.New("Create records from another source, such as a spreadsheet",
		"Maak registraties uit een andere bron, zoals een spreadsheet")
	msgImportCSVShort = message.New("Create records from a spreadsheet saved as CSV, one row per record",
		"Maak registraties uit een spreadsheet die als CSV is opgeslagen, één rij per registratie")
	msgImportJSONShort = message.New("Create records from JSON: this register's open data, or entries of the national algorithm register",
		"Maak registraties uit JSON: de open data van dit register, of vermeldingen uit het landelijke Algoritmeregister")
	msgImportNotificationShort = message.New("Add a sensor notification (the YAML file the site's form makes) to the register",
		"Neem een melding van een sensor (het YAML-bestand van het formulier op de site) op in het register")
	msgInitShort = message.New("Start a new register repository for a municipality",
		"Begin een nieuwe repository voor het register van een gemeente")
	msgMigrateShort = message.New("Upgrade records to the current version of the record format",
		"Zet registraties om naar de huidige versie van het registratieformaat")
	msgNewShort = message.New("Start a new record from a commented template",
		"Begin een nieuwe registratie vanuit een sjabloon met toelichting")
	msgPacketShort = message.New("Make the ethics committee's review packet (HTML, Markdown or PDF)",
		"Maak het vergaderstuk voor de ethische commissie (HTML, Markdown of PDF)")
	msgQualityShort = message.New("How complete and current the register is: fill rate per field and principle, stale records, overdue evaluations",
		"Hoe volledig en actueel het register is: vulgraad per veld en principe, verouderde registraties, achterstallige evaluaties")
	msgRulesShort = message.New("List the checklist's rules with their principle and severity",
		"Toon de regels van de toetslijst met hun principe en ernst")
	msgSchemaShort = message.New("Print the JSON Schema of a kind of record, the shared definitions, or register.yaml's",
		"Toon het JSON Schema van een soort registratie, de gedeelde definities of dat van register.yaml")
	msgServeShort = message.New("Preview the public register website locally, rebuilding when a record changes",
		"Bekijk de openbare website van het register op uw eigen computer; bij elke wijziging wordt die opnieuw gebouwd")
	msgSignShort = message.New("Print the sign that makes a sensor recognisable, with a QR code to its record",
		"Maak het bord dat een sensor herkenbaar maakt, met een QR-code naar de registratie")
	msgValidateShort = message.New("Check records against the JSON Schemas", "Controleer registraties aan de hand van de JSON Schema's")
)

// Flags, errors and what the commands did, by command.
var (
	msgExportFormatUsage  = message.New("export format: %s", "exportformaat: %s")
	msgReportFormatUsage  = message.New("report format on standard output: %s", "formaat van het verslag op standaarduitvoer: %s")
	msgQualityFormatUsage = message.New("output format: %s (html: a page with SVG bar charts, no script)",
		"uitvoerformaat: %s (html: een pagina met staafdiagrammen in SVG, zonder script)")
	msgFailOn      = message.New("--fail-on %q: use error, warning or none", "--fail-on %q: kies error, warning of none")
	msgFailOnUsage = message.New("lowest severity that fails the run (exit 1): error, warning or none",
		"laagste ernst waarbij de controle faalt (exit 1): error, warning of none")
	msgFilesUsage = message.New("check only these record files (also accepted as arguments)",
		"toets alleen deze registratiebestanden (mag ook als argumenten)")
	msgNoCaches = message.New("the results of earlier runs cannot be kept (%v), so every run reads and checks the whole register anew; set XDG_CACHE_HOME to an absolute folder, or set HOME",
		"de resultaten van eerdere keren kunnen niet worden bewaard (%v), dus elke opdracht leest en toetst het hele register opnieuw; geef XDG_CACHE_HOME een absoluut pad, of zet HOME")
	msgSiteKeyless = message.New("the site cannot keep what its pages were made of (%v), so every build makes every page anew; set XDG_CACHE_HOME to an absolute folder, or set HOME",
		"de site kan niet bewaren waarvan haar pagina's zijn gemaakt (%v), dus wordt bij elke bouw van de site elke pagina opnieuw gemaakt; geef XDG_CACHE_HOME een absoluut pad, of zet HOME")
	msgNoCacheUsage = message.New("check every file afresh, without the results kept from earlier runs (beside the history cache)",
		"toets elk bestand opnieuw, zonder de bewaarde resultaten van eerdere keren (naast de cache van de geschiedenis)")
	msgWithoutDuty  = message.New("the duty to report is checked without history", "de meldplicht wordt zonder geschiedenis getoetst")
	msgQualityNoGit = message.New("the register is not in a Git repository with its full history",
		"het register staat niet in een Git-repository met de volledige geschiedenis")
	msgQualityHistoryUnread = message.New("the Git history could not be read: %v", "de Git-geschiedenis kon niet worden gelezen: %v")
	msgWithoutStale         = message.New("records not changed in a term are not reported", "registraties die een bestuursperiode niet zijn gewijzigd, worden niet gemeld")

	msgRulesProblems = message.NewCount("%d problem in the custom rules of register.yaml; 'register check' shows it",
		"%d problems in the custom rules of register.yaml; 'register check' shows them",
		"%d probleem in de eigen regels (rules_custom) van register.yaml; 'register check' toont het",
		"%d problemen in de eigen regels (rules_custom) van register.yaml; 'register check' toont ze")
	msgExplainArgs = message.New("explain takes one rule id; 'register rules' lists them",
		"explain verwacht één regel; 'register rules' toont ze allemaal")
	msgUnknownRuleSuggest = message.New("unknown rule %q; did you mean %s?", "onbekende regel %q; bedoelt u %s?")
	msgUnknownRule        = message.New("unknown rule %q; 'register rules' lists them", "onbekende regel %q; 'register rules' toont ze allemaal")

	msgDueWithin      = message.New("--within: %v", "--within: %v")
	msgDueWithinUsage = message.New("window for upcoming dates, an ISO 8601 duration such as P30D (default: due_within from register.yaml)",
		"termijn voor komende data, een ISO 8601-duur zoals P30D (standaard: due_within uit register.yaml)")
	msgDueUnread = message.NewCount("%d record file could not be read and is missing from the list; run 'register validate'",
		"%d record files could not be read and are missing from the list; run 'register validate'",
		"%d registratiebestand kon niet worden gelezen en ontbreekt in de lijst; voer 'register validate' uit",
		"%d registratiebestanden konden niet worden gelezen en ontbreken in de lijst; voer 'register validate' uit")

	msgInitArgs = message.New(`init needs one folder, for example: register init register-heidebeek --organisation "Gemeente Heidebeek"`,
		`init verwacht één map, bijvoorbeeld: register init register-heidebeek --organisation "Gemeente Heidebeek"`)
	msgInitOrgUsage = message.New(`the municipality's name, for example "Gemeente Heidebeek" (required)`,
		`de naam van de gemeente, bijvoorbeeld "Gemeente Heidebeek" (verplicht)`)
	msgInitDomainUsage = message.New("the municipality's web domain, for the example mailboxes and addresses (default: a placeholder under .example)",
		"het webdomein van de gemeente, voor de voorbeelden van mailadressen en webadressen (standaard: een voorbeeld onder .example)")
	msgInitVersionUsage = message.New("version of register the workflow installs (default: this version when released, else latest)",
		"versie van register die de workflow installeert (standaard: deze versie als die is uitgebracht, anders de nieuwste)")
	msgInitGit  = message.New("initialised an empty Git repository in %s (branch main)", "lege Git-repository aangemaakt in %s (branch main)")
	msgInitNext = message.New("next: read %s, replace the two examples with your own records, then run\n  cd %s\n  register validate\n  register check",
		"volgende stap: lees %s, vervang de twee voorbeelden door uw eigen registraties en voer dan uit:\n  cd %s\n  register validate\n  register check")

	msgMigrateDryRunUsage = message.New("report what would be migrated, and change nothing", "meld wat zou worden omgezet, en wijzig niets")
	msgAndMore            = message.New(" and %d more", " en nog %d")
	msgMigrateForceUsage  = message.New("migrate even when the register has uncommitted changes", "zet ook om als het register niet-vastgelegde wijzigingen heeft")
	msgMigrateDirty       = message.New("%s has uncommitted changes (%s); commit or stash them first so the migration can be reviewed on its own, or pass --force",
		"%s heeft niet-vastgelegde wijzigingen (%s); leg ze eerst vast (commit) of zet ze opzij (stash), zodat de omzetting apart te beoordelen is, of geef --force")
	msgMigrated           = message.New("migrated %s", "omgezet: %s")
	msgMigrateInterrupted = message.New("interrupted: %d of %d records migrated, each named above; the others are as they were: run register migrate --force to migrate them",
		"onderbroken: %d van %d registraties omgezet, elk hierboven genoemd; de andere zijn zoals ze waren: voer register migrate --force uit om ze om te zetten")
	msgMigrateLeftover = message.New("%s is a temporary file an interrupted run left; register migrate removes it",
		"%s is een tijdelijk bestand dat een onderbroken run achterliet; register migrate verwijdert het")
	msgMigrateLeftoverRemoved = message.New("removed %s, a temporary file an interrupted run left", "verwijderd: %s, een tijdelijk bestand dat een onderbroken run achterliet")

	msgNewArgs = message.New("new needs a kind and an id, for example: register new sensor cam-stationsplein",
		"new verwacht een soort en een id, bijvoorbeeld: register new sensor cam-stationsplein")
	msgNewRoot = message.New("the register root %s is not a folder: create it first, or pass --root with the folder that holds sensors/ and algorithms/",
		"de registermap %s bestaat niet of is geen map: maak die eerst aan, of geef met --root de map op waarin sensors/ en algorithms/ staan")
	msgNewExists = message.New("%s already exists and is left unchanged: ids are unique and never reused, so choose another id",
		"%s bestaat al en blijft ongewijzigd: een id is uniek en wordt nooit hergebruikt, dus kies een ander id")
	msgNewRemoved = message.New("%s had the id %s until commit %s of %s removed or renamed it, and an id is never reused: links to that record's page and its history would lead to the new one. Choose another id; if the same record comes back, restore its file from Git so it keeps its history: git checkout %s^ -- %s",
		"%s had het id %s tot commit %s van %s het verwijderde of hernoemde, en een id wordt nooit hergebruikt: links naar de pagina van die registratie en de geschiedenis ervan zouden dan bij de nieuwe uitkomen. Kies een ander id; komt dezelfde registratie terug, zet dan het bestand terug uit Git, zodat het zijn geschiedenis houdt: git checkout %s^ -- %s")
	msgNewNext = message.New("next: replace every \"(vul in)\", uncomment the fields that apply, then run\n  register validate%s %s\n  register check%s",
		"volgende stap: vervang elke \"(vul in)\", haal het commentaarteken weg bij de velden die van toepassing zijn en voer dan uit:\n  register validate%s %s\n  register check%s")

	msgSchemaArgs = message.New("schema needs one name: sensor, algorithm, common or config",
		"schema verwacht één naam: sensor, algorithm, common of config")
	msgSchemaUnknown = message.New("no schema called %q: choose sensor, algorithm, common or config",
		"er is geen schema %q: kies sensor, algorithm, common of config")

	msgHistoryNoRepo = message.New("no history available: the register at %s is not inside a Git repository",
		"geen geschiedenis beschikbaar: het register in %s staat niet in een Git-repository")
	msgHistoryNoRecord = message.New("no record %q in the register (folder %s) or in its history; give a record id such as cam-markt or a path to its file",
		"geen registratie %q in het register (map %s) of in de geschiedenis ervan; geef een id zoals cam-markt of het pad naar het bestand")
	msgSinceRequired = message.New("--since is required: give a tag, branch, commit or date (YYYY-MM-DD)",
		"--since is verplicht: geef een tag, branch, commit of datum (JJJJ-MM-DD)")
	msgSince      = message.New("--since: %v", "--since: %v")
	msgSinceUsage = message.New("tag, branch, commit or date (YYYY-MM-DD) to compare with (required)",
		"tag, branch, commit of datum (JJJJ-MM-DD) om mee te vergelijken (verplicht)")

	msgExportNeedsFormat = message.New("export needs --format: use %s", "export verwacht --format: kies %s")
	msgExportNeedsKind   = message.New("csv holds one kind of record: add --kind sensor or --kind algorithm",
		"csv bevat één soort registratie: voeg --kind sensor of --kind algorithm toe")
	msgExportKindUsage   = message.New("the kind of record for csv: sensor or algorithm", "de soort registratie voor csv: sensor of algorithm")
	msgExportKindCSVOnly = message.New("--kind is for --format csv only; %s holds the register's records as they are: leave --kind out",
		"--kind is alleen voor --format csv; %s bevat de registraties van het register zoals ze zijn: laat --kind weg")
	msgExportOutUsage = message.New("write to this file (replaced atomically); - or nothing for standard output",
		"schrijf naar dit bestand (in één keer vervangen); - of niets voor standaarduitvoer")
	msgExportUnread = message.NewCount("%d record file could not be read and is missing from the export; run 'register validate'",
		"%d record files could not be read and are missing from the export; run 'register validate'",
		"%d registratiebestand kon niet worden gelezen en ontbreekt in de export; voer 'register validate' uit",
		"%d registratiebestanden konden niet worden gelezen en ontbreken in de export; voer 'register validate' uit")
	msgExportErrors = message.NewCount("the register has %d error, and the export carries the records as they are; run 'register validate'",
		"the register has %d errors, and the export carries the records as they are; run 'register validate'",
		"het register heeft %d fout en de export bevat de registraties zoals ze zijn; voer 'register validate' uit",
		"het register heeft %d fouten en de export bevat de registraties zoals ze zijn; voer 'register validate' uit")

	msgSignPaper    = message.New("--paper %q: use a4 or a5", "--paper %q: kies a4 of a5")
	msgSignOneOrAll = message.New("name one sensor by its id, or pass --all", "geef het id van één sensor, of gebruik --all")
	msgSignOut      = message.New("--out is required: the file to write the signs to, such as bord.pdf",
		"--out is verplicht: het bestand voor de borden, zoals bord.pdf")
	msgSignSkipped = message.NewCount("%d sensor not public: no sign", "%d sensors not public: no sign",
		"%d sensor niet openbaar: geen bord", "%d sensoren niet openbaar: geen bord")
	msgSignRefused = message.NewCount("%d sensor has no sign, for the reason above", "%d sensors have no sign, for the reasons above",
		"%d sensor heeft geen bord, om de reden hierboven", "%d sensoren hebben geen bord, om de redenen hierboven")
	msgSignNone = message.New("the register has no public sensor in use, so there is no sign to print",
		"het register heeft geen openbare sensor in gebruik, dus er is geen bord te maken")
	msgSignNoRecord = message.New("no record with id %q: 'register export' lists the records",
		"geen registratie met id %q: 'register export' toont de registraties")
	msgSignNoRecordSuggest = message.New("no record with id %q: did you mean %s?", "geen registratie met id %q: bedoelt u %s?")
	msgSignWrote           = message.NewCount("Wrote %d sign (%s) to %s", "Wrote %d signs (%s) to %s",
		"%[1]d bord (%[2]s) geschreven naar %[3]s", "%[1]d borden (%[2]s) geschreven naar %[3]s")
	msgSignAllUsage   = message.New("a sign for every public sensor that is not retired", "een bord voor elke openbare sensor die niet buiten gebruik is")
	msgSignOutUsage   = message.New("the PDF file to write (replaced atomically)", "het PDF-bestand om te schrijven (in één keer vervangen)")
	msgSignPaperUsage = message.New("paper size: a4 or a5", "papierformaat: a4 of a5")

	msgChainQuery = message.New("name a dataset or party with letters or digits, such as BRP",
		"noem een gegevensbron of partij met letters of cijfers, zoals BRP")
	msgChainInternalUsage = message.New("search every record as loaded, also those not public and the values they withhold (not for publication)",
		"doorzoek alle registraties zoals ingelezen, ook die niet openbaar zijn en de waarden die ze afschermen (niet voor publicatie)")

	msgFederateOut        = message.New("--out needs a folder", "--out verwacht een map")
	msgFederateMergeFetch = message.New("--merge reads no register: leave --fetch out", "--merge leest geen register: laat --fetch weg")
	msgFederateFailed     = message.New("%d of %d registers could not be read and are missing from %s",
		"%d van de %d registers konden niet worden gelezen en ontbreken in %s")
	msgFederateRefused = message.New("in %d of %d registers the open data publishes records that are kept out of %s; see the report",
		"bij %d van de %d registers publiceert de open data registraties die uit %s zijn weggelaten; zie het verslag")
	msgFederateUnreadable = message.New("in %d of %d registers records do not read or share an id; they are left out of %s; see the report",
		"bij %d van de %d registers zijn registraties niet te lezen of delen ze een id; ze zijn weggelaten uit %s; zie het verslag")

	msgCompareWhat   = message.New("compare what? use 'register compare national FILE'", "wat wilt u vergelijken? gebruik 'register compare national BESTAND'")
	msgCompareFolder = message.New("%s is a folder; give the file of the national register's entries (JSON)",
		"%s is een map; geef het bestand met de items van het landelijke register (JSON)")
	msgCompareOrgUsage = message.New("whose entries to compare (default: register.yaml's organisation)",
		"van welke organisatie de vermeldingen worden vergeleken (standaard: organisation uit register.yaml)")
	msgTooLarge = message.New("read %s: more than %d bytes; give the national register's entries of your organisation",
		"%s lezen: meer dan %d bytes; geef alleen de vermeldingen van uw organisatie uit het landelijke register")

	msgImportNeedsSource = message.New("import needs a source: register import csv FILE, register import json FILE, or register import notification FILE --received DATE",
		"import verwacht een bron: register import csv BESTAND, register import json BESTAND of register import notification BESTAND --received DATUM")
	msgImportCSVArgs = message.New("import csv needs one file, for example: register import csv sensoren.csv --kind sensor",
		"import csv verwacht één bestand, bijvoorbeeld: register import csv sensoren.csv --kind sensor")
	msgImportJSONArgs = message.New("import json needs one file, for example: register import json register.json",
		"import json verwacht één bestand, bijvoorbeeld: register import json register.json")
	msgImportNotificationArgs = message.New("import notification needs one file, for example: register import notification camera-bakkerij.yaml --received 2026-12-01",
		"import notification verwacht één bestand, bijvoorbeeld: register import notification camera-bakkerij.yaml --received 2026-12-01")
	msgImportCSVKindUsage  = message.New("kind of record each row describes: sensor or algorithm", "soort registratie die elke rij beschrijft: sensor of algorithm")
	msgImportJSONKindUsage = message.New("kind of record of entries that do not say their kind: sensor or algorithm",
		"soort registratie voor vermeldingen die hun soort niet noemen: sensor of algorithm")
	msgImportMapUsage = message.New("mapping file (YAML) naming the field of each column, or a ready-made map: %s",
		"koppelbestand (YAML) dat per kolom het veld noemt, of een kant-en-klare koppeling: %s")
	msgImportJSONMapUsage = message.New("mapping file (YAML) naming the field of each key, or a ready-made map: %s",
		"koppelbestand (YAML) dat per sleutel het veld noemt, of een kant-en-klare koppeling: %s")
	msgImportTooLarge = message.New("read %s: the file is larger than %d bytes, far more than a register's spreadsheet or JSON holds: check that it is the file to import",
		"%s lezen: het bestand is groter dan %d bytes, veel meer dan de spreadsheet of JSON van een register bevat: controleer of het het bestand is dat u wilt importeren")
	msgIsFolder = message.New("read %s: this is a folder, not a file: give the file to import itself, for example %s",
		"%s lezen: dit is een map, geen bestand: geef het bestand op dat u wilt importeren, bijvoorbeeld %s")
	msgNotRegular = message.New("read %s: not a regular file (a device or a pipe): save what you import as a file and give that file",
		"%s lezen: geen gewoon bestand (een apparaat of een pipe): sla op wat u wilt importeren als bestand en geef dat bestand op")
	msgImportAppeared = message.New("%s appeared while importing and is left unchanged", "%s is tijdens het importeren verschenen en blijft ongewijzigd")
	msgImportRows     = message.NewCount("%d row read, ", "%d rows read, ", "%d rij gelezen, ", "%d rijen gelezen, ")
	msgImportEntries  = message.NewCount("%d entry read, ", "%d entries read, ", "%d item gelezen, ", "%d items gelezen, ")
	msgImportCreated  = message.NewCount("%d record created", "%d records created", "%d registratie aangemaakt", "%d registraties aangemaakt")
	msgImportWouldBe  = message.NewCount("%d record would be created (dry run: nothing written)",
		"%d records would be created (dry run: nothing written)",
		"%d registratie zou worden aangemaakt (proefrun: niets geschreven)",
		"%d registraties zouden worden aangemaakt (proefrun: niets geschreven)")
	msgImportIncomplete = message.New(", %d of them incomplete: complete them and run 'register validate'",
		", waarvan %d onvolledig: vul die aan en voer 'register validate' uit")
	msgReceivedRequired = message.New("--received is required: the day the notification came in, for example --received 2026-12-01",
		"--received is verplicht: de dag waarop de melding binnenkwam, bijvoorbeeld --received 2026-12-01")
	msgReceivedNotDate = message.New("--received %q: give the day the notification came in as YYYY-MM-DD, for example 2026-03-01",
		"--received %q: geef de dag waarop de melding binnenkwam als JJJJ-MM-DD, bijvoorbeeld 2026-03-01")
	msgReceivedFuture = message.New("--received %s is after today (%s): a notification cannot be received in the future",
		"--received %s ligt na vandaag (%s): een melding kan niet in de toekomst binnenkomen")
	msgReceivedUsage = message.New("the day the municipality received the notification (YYYY-MM-DD); required",
		"de dag waarop de gemeente de melding ontving (JJJJ-MM-DD); verplicht")
	msgUpdateUsage = message.New(`apply a notification about a sensor the register has to its record; a field given empty (~, "", []) is removed`,
		`verwerk een melding over een sensor die al in het register staat in de registratie; een veld dat leeg is opgegeven (~, "", []) wordt verwijderd`)
	msgNotificationTooLarge = message.New("read %s: the file is larger than %d bytes; a notification is one record of a few kilobytes",
		"%s lezen: het bestand is groter dan %d bytes; een melding is één registratie van enkele kilobytes")
)

// Texts of the commands as they work.
var (
	msgCatalogueNoDates = message.New("the catalogue states no dates", "de catalogus vermeldt geen data")
)

// The table of register rules.
var (
	msgRulesHeader         = message.New("RULE\tPRINCIPLE\tBASIS\tSEVERITY\tTITLE", "REGEL\tPRINCIPE\tGRONDSLAG\tERNST\tTITEL")
	msgRulesSetAgainstLaw  = message.New("%s (set to %s, which the law does not allow)", "%s (ingesteld op %s, wat de wet niet toestaat)")
	msgRulesLegalPartStays = message.New("%s (default %s; the legal part stays %s)", "%s (standaard %s; het wettelijke deel blijft %s)")
	msgRulesDefault        = message.New("%s (default %s)", "%s (standaard %s)")
)

// The text of register explain. The labels line up: the Dutch is padded
// to its own width.
var (
	msgExplainPrinciple = message.New("Principle: %s", "Principe: %s")
	msgExplainBasis     = message.New("Basis", "Grondslag")
	msgExplainSeverity  = message.New("Severity:  %s", "Ernst:    %s")
	// The severities the law gives the rule's legal findings
	// (principle.Rule.LawHas), "error or warning".
	msgExplainAgainstLaw = message.New(" in register.yaml or the environment, which the law does not allow: the rule keeps reporting as the law has it, at %s",
		" in register.yaml of de omgeving, wat de wet niet toestaat: de regel blijft melden zoals de wet het geeft, als %s")
	msgExplainLegalPart = message.New(" (default %s) for its policy findings; %s it is law and stays as the law has it, at %s",
		" (standaard %s) voor de bevindingen uit beleid; %s is het wet en blijft het zoals de wet het geeft, als %s")
	msgExplainChanged = message.New(" (default %s, changed in register.yaml or the environment)",
		" (standaard %s, gewijzigd in register.yaml of de omgeving)")
	msgExplainLegalDuty = message.New("A duty that follows from law cannot be switched off or lowered by configuration, and no exception on a record lowers it (exception-refused).",
		"Een plicht die uit de wet volgt, kan niet met de instellingen worden uitgezet of verlaagd, en geen uitzondering op een registratie maakt haar lichter (exception-refused).")
	msgExplainLawfulException = message.New("A duty that follows from law cannot be switched off or lowered by configuration; only the exception the law itself allows (%s), approved on the record, lowers it, and keeps it visible as a warning.",
		"Een plicht die uit de wet volgt, kan niet met de instellingen worden uitgezet of verlaagd; alleen de uitzondering die de wet zelf toelaat (%s), goedgekeurd op de registratie, maakt haar lichter, en houdt haar zichtbaar als waarschuwing.")
	msgExplainLawfulRoute = message.New("A duty that follows from law cannot be switched off or lowered by configuration, and no exception counts: the law's own way out is %s.",
		"Een plicht die uit de wet volgt, kan niet met de instellingen worden uitgezet of verlaagd, en geen uitzondering telt: de uitweg die de wet zelf biedt is: %s.")
	msgExplainWhy     = message.New("Why", "Waarom")
	msgExplainSatisfy = message.New("What satisfies it", "Wat eraan voldoet")
	msgExplainExample = message.New("Example", "Voorbeeld")
)

// The text of register history and register changes.
var (
	msgHistoryHead = message.NewCount("%[2]s: %[1]d commit, newest first", "%[2]s: %[1]d commits, newest first",
		"%[2]s: %[1]d commit, nieuwste eerst", "%[2]s: %[1]d commits, nieuwste eerst")
	msgRecordAdded       = message.New("added to the register", "toegevoegd aan het register")
	msgRecordRemoved     = message.New("removed from the register", "verwijderd uit het register")
	msgRecordRenamed     = message.New("renamed from %s", "hernoemd, was %s")
	msgFieldsNotCompared = message.New("fields not compared: %s", "velden niet vergeleken: %s")
	msgWholeRecord       = message.New("(record)", "(registratie)")
	msgFieldAdded        = message.New("%s added: %s", "%s toegevoegd: %s")
	msgFieldRemoved      = message.New("%s removed (was %s)", "%s verwijderd (was %s)")
	msgBeforeFirstCommit = message.New("before the first commit", "voor de eerste commit")
	msgBaseCommit        = message.New("commit %s", "commit %s")
	msgBaseCommitOf      = message.New("commit %s of %s", "commit %s van %s")
	msgChangesHead       = message.New("Changes since %s (%s): %d added, %d changed, %d renamed, %d removed",
		"Wijzigingen sinds %s (%s): %d toegevoegd, %d gewijzigd, %d hernoemd, %d verwijderd")
	msgChangesLast = message.New("  (last %s by %s, %s: %s)", "  (laatst op %s door %s, %s: %s)")
)

// build, serve and packet.
var (
	msgBuildOutUsage = message.New("folder to write the site to; replaced in one step when the build succeeds",
		"map waarin de site wordt geschreven; in één keer vervangen als het bouwen slaagt")
	msgBuildFailOnUsage = message.New("lowest severity of finding that fails the run (exit 1): error, warning or none; the site is written either way",
		"laagste ernst van een bevinding waarbij de opdracht faalt (exit 1): error, warning of none; de site wordt hoe dan ook geschreven")
	msgBuildAsOfUsage = message.New("build as if today were this date (YYYY-MM-DD); default: today in Europe/Amsterdam",
		"bouw alsof het vandaag deze datum is (JJJJ-MM-DD); standaard: vandaag in Europe/Amsterdam")
	msgBuilt = message.NewCount("Built %[2]s: %[3]d pages, %[4]d files in %.2[5]fs (%.0[6]f pages/s). %[1]d file changed.",
		"Built %[2]s: %[3]d pages, %[4]d files in %.2[5]fs (%.0[6]f pages/s). %[1]d files changed.",
		"%[2]s gebouwd: %[3]d pagina's, %[4]d bestanden in %.2[5]fs (%.0[6]f pagina's/s). %[1]d bestand gewijzigd.",
		"%[2]s gebouwd: %[3]d pagina's, %[4]d bestanden in %.2[5]fs (%.0[6]f pagina's/s). %[1]d bestanden gewijzigd.")
	msgSiteWithoutHistory = message.New("the site shows no history", "de site toont geen geschiedenis")
	msgNoBaseURL          = message.New("site.base_url is empty in register.yaml, so the site has no change feed and no DCAT catalogue (both need the site's address); set it to where the site is published, for example https://register.mijnstad.nl/",
		"site.base_url is leeg in register.yaml, dus de site heeft geen wijzigingenfeed en geen DCAT-catalogus (die hebben het adres van de site nodig); vul het adres in waar de site staat, bijvoorbeeld https://register.mijnstad.nl/")
	msgNoFeedWithoutGit = message.New("the register has no readable Git history, so the site has no change feed",
		"het register heeft geen leesbare Git-geschiedenis, dus de site heeft geen wijzigingenfeed")
	msgNoFeed     = message.New("the change feed cannot be made: %v; the site is left as it was", "de wijzigingenfeed kan niet worden gemaakt: %v; de site blijft zoals hij was")
	msgLoadErrors = message.NewCount("%d error while loading; records that could not be read, or whose id another file has, are missing from the site, the others show their errors:",
		"%d errors while loading; records that could not be read, or whose id another file has, are missing from the site, the others show their errors:",
		"%d fout bij het inlezen; registraties die niet konden worden gelezen, of waarvan een ander bestand het id al heeft, ontbreken op de site, de andere tonen hun fouten:",
		"%d fouten bij het inlezen; registraties die niet konden worden gelezen, of waarvan een ander bestand het id al heeft, ontbreken op de site, de andere tonen hun fouten:")
	msgQuotesSecret = message.New("%s: %s quotes what another record keeps back (a withheld value, or the name of a record that is not public); the site shows \"not public\" there: rephrase it, or withhold it too",
		"%s: %s noemt wat een andere registratie afschermt (een afgeschermde waarde, of de naam van een registratie die niet openbaar is); de site toont daar \"niet openbaar\": herformuleer het, of scherm het ook af")
	msgLoadErrorsMore = message.New("  ... and %d more; run 'register validate' for all", "  ... en nog %d; voer 'register validate' uit voor alle")

	msgServeAddrUsage    = message.New("address to serve on", "adres waarop de site te zien is")
	msgServeAsOfUsage    = message.New("build as if today were this date (YYYY-MM-DD)", "bouw alsof het vandaag deze datum is (JJJJ-MM-DD)")
	msgServePollUsage    = message.New("how often to look at every file for changes when the system's file-change notifications cannot be had", "hoe vaak elk bestand op wijzigingen wordt bekeken als het systeem geen meldingen van gewijzigde bestanden kan geven")
	msgServePoll         = message.New("--poll must be positive", "--poll moet groter zijn dan nul")
	msgServeListen       = message.New("cannot listen on %s: %v; choose another --addr", "kan niet luisteren op %s: %v; kies een ander --addr")
	msgServeServing      = message.New("Serving the register at http://%s/ (Ctrl+C to stop)", "Het register is te zien op http://%s/ (stop met Ctrl+C)")
	msgServeBuilt        = message.New("%s built: %d pages in %.2fs", "%s gebouwd: %d pagina's in %.2fs")
	msgServeRebuildError = message.New("rebuild failed, still serving the previous site: %v", "opnieuw bouwen mislukt; de vorige site blijft te zien: %v")
	msgServePreviousSite = message.New("register serve: the rebuild failed; this is the previous site.",
		"register serve: opnieuw bouwen is mislukt; dit is de vorige site.")
	msgServeRegisterErrors = message.New("register serve: the register has errors; records that could not be read are missing:",
		"register serve: het register heeft fouten; registraties die niet konden worden gelezen ontbreken:")
	msgServeUnwatched = message.New("cannot look at some of the register's files; still watching the rest: %s",
		"kan sommige bestanden van het register niet bekijken; de rest wordt nog gevolgd: %s")
	msgServePolling = message.New("no notifications of changed files (%v); looking at every file each %s instead",
		"geen meldingen van gewijzigde bestanden (%v); in plaats daarvan wordt elk bestand elke %s bekeken")

	msgPacketWrote  = message.New("wrote %s (%s): %s", "%s geschreven (%s): %s")
	msgPacketTagged = message.New("tagged %s as %s; the next packet compares with it", "%s gemarkeerd als %s; het volgende vergaderstuk vergelijkt daarmee")
	msgPacketNoGit  = message.New("--tag %s: the register is not in a Git repository with commits, so there is nothing to tag",
		"--tag %s: het register staat niet in een Git-repository met commits, dus er is niets te markeren")
	msgPacketDirty = message.New("the register has uncommitted changes; the tag marks commit %s without them",
		"het register heeft niet-vastgelegde wijzigingen; de tag markeert commit %s zonder die wijzigingen")
	msgPacketCommit = message.New("--commit goes with --tag and no --out: a packet is always made from HEAD and the files as they are",
		"--commit hoort bij --tag zonder --out: een vergaderstuk wordt altijd gemaakt van HEAD en de bestanden zoals ze zijn")
	msgPacketWithin         = message.New("--within %q: give an ISO 8601 duration such as P90D or P6M", "--within %q: geef een ISO 8601-duur zoals P90D of P6M")
	msgPacketWithoutHistory = message.New("the packet is made without history", "het vergaderstuk wordt zonder geschiedenis gemaakt")
	msgPacketLoadProblems   = message.New("%d problems while loading; run 'register validate': records that could not be read are not in the packet",
		"%d problemen bij het inlezen; voer 'register validate' uit: registraties die niet konden worden gelezen staan niet in het vergaderstuk")
	msgPacketSinceIgnored = message.New("--since %s ignored: no Git history available", "--since %s genegeerd: geen Git-geschiedenis beschikbaar")
	msgPacketPreviousTag  = message.New("looking for the previous packet's tag: %v", "bij het zoeken naar de tag van het vorige vergaderstuk: %v")
	msgTag                = message.New("--tag: %v", "--tag: %v")
	msgPacketLangUsage    = message.New("language of the packet: nl or en (default: the register's first language)",
		"taal van het vergaderstuk: nl of en (standaard: de eerste taal van het register)")
	msgPacketOutUsage = message.New("write the packet to this file; .html, .md or .pdf chooses the format",
		"schrijf het vergaderstuk naar dit bestand; .html, .md of .pdf bepaalt het formaat")
)

// The longer help of the commands a steward uses most.
var (
	msgValidateLong = message.New(`validate reads every record under sensors/ and algorithms/ (or only the files given),
checks it against the JSON Schemas and the register-wide rules (ids match file names,
ids are unique, referenced sensors exist), and reports every problem with file, line
and column. Exit code 0: no errors; 1: errors found; 2: usage or I/O error.`,
		`validate leest elke registratie in sensors/ en algorithms/ (of alleen de opgegeven
bestanden), controleert die aan de hand van de JSON Schema's en de regels voor het hele
register (het id is gelijk aan de bestandsnaam, elk id komt één keer voor, genoemde
sensoren bestaan) en meldt elk probleem met bestand, regel en kolom. Exitcode 0: geen
fouten; 1: fouten gevonden; 2: fout in de opdracht of bij lezen of schrijven.`)
	msgCheckLong = message.New(`check validates the register (YAML, JSON Schema and register-wide rules, as validate
does) and then runs the principles checklist on every record that loaded: the VNG
"Principes voor de Digitale Samenleving" and the council's programme commitments. Each
finding cites its principle; 'register rules' lists the rules and 'register explain RULE'
explains one. Exceptions recorded on a record and the settings in register.yaml apply.

Exit code 0: nothing at or above --fail-on; 1: findings at or above --fail-on; 2: usage
or I/O error. Info findings never fail a run.`,
		`check valideert het register (YAML, JSON Schema en de regels voor het hele register,
zoals validate) en toetst daarna elke ingelezen registratie aan de toetslijst: de
"Principes voor de Digitale Samenleving" van de VNG en de afspraken uit het
raadsprogramma. Elke bevinding noemt het principe; 'register rules' toont de regels en
'register explain REGEL' legt er één uit. Uitzonderingen in een registratie en de
instellingen in register.yaml gelden.

Exitcode 0: niets op of boven --fail-on; 1: bevindingen op of boven --fail-on; 2: fout in
de opdracht of bij lezen of schrijven. Opmerkingen (info) laten een controle nooit falen.`)
	msgNewLong = message.New(`new writes <root>/sensors/ID.yaml or <root>/algorithms/ID.yaml: a template with every
field of the record format, each explained in Dutch and English with the principle that
asks for it. The template validates as it is; replace every "(vul in)" and uncomment
the fields that apply. new never overwrites a file, and refuses an id that another
record already uses.

An id is 2 to 63 characters: lower-case letters a-z, digits and hyphens, starting with
a letter or digit. It becomes the file name and the address on the public site, and is
never reused.`,
		`new schrijft <root>/sensors/ID.yaml of <root>/algorithms/ID.yaml: een sjabloon met elk
veld van het registratieformaat, elk toegelicht in het Nederlands en het Engels, met het
principe dat erom vraagt. Het sjabloon is geldig zoals het is; vervang elke "(vul in)" en
haal het commentaarteken weg bij de velden die van toepassing zijn. new overschrijft nooit
een bestand en weigert een id dat een andere registratie al gebruikt.

Een id heeft 2 tot 63 tekens: kleine letters a-z, cijfers en koppeltekens, en begint met
een letter of cijfer. Het wordt de bestandsnaam en het adres op de openbare site, en wordt
nooit opnieuw gebruikt.`)
	msgInitLong = message.New(`init writes a new register repository into DIR, for a municipality that starts its own:

  register/register.yaml       every setting, explained, with your name and addresses
  register/sensors/            one example sensor that validates; 'register check' flags it
                               as an example (rule placeholder) until you replace it
  register/algorithms/         one example algorithm, the same
  schema/                      the JSON Schemas, for completion and help in editors
  .github/workflows/register.yml
                               validate and check on every push and pull request, a weekly
                               list of what falls due, and the website on GitHub Pages
  README.md                    how to start, in Dutch and English

and runs git init (branch main). The workflow installs this tool by its module path, so
the new repository need not be a fork. DIR must be new or empty: init never overwrites.`,
		`init schrijft een nieuwe repository voor het register in DIR, voor een gemeente die een
eigen register begint:

  register/register.yaml       alle instellingen, met uitleg, met uw naam en adressen
  register/sensors/            één voorbeeldsensor die geldig is; 'register check' meldt die
                               als voorbeeld (regel placeholder) tot u hem vervangt
  register/algorithms/         één voorbeeldalgoritme, net zo
  schema/                      de JSON Schema's, voor aanvullen en uitleg in editors
  .github/workflows/register.yml
                               valideren en toetsen bij elke push en pull request, wekelijks
                               een lijst van wat afloopt, en de website op GitHub Pages
  README.md                    hoe u begint, in het Nederlands en het Engels

en voert git init uit (branch main). De workflow installeert dit programma via het pad van
de module, dus de nieuwe repository hoeft geen fork te zijn. DIR moet nieuw of leeg zijn:
init overschrijft nooit iets.`)
	msgDueLong = message.New(`due lists, per record, what needs someone's attention (principle III and 3.4):

  lapsed    evaluations past their due date (the last evaluation, or the start of the
            life cycle when never evaluated, plus the record's interval or the configured
            one: cameras every year, the rest every administrative term), and life cycles
            that ended while the record is still active;
  ending    exceptions and data-sharing agreements that have ended or end within the
            window, and life cycles that end within it;
  upcoming  evaluations due within the window (due_within in register.yaml, default P90D).

Each item names the owner's role and contact, so a secretary can chase it. The ical
format is a calendar the committee can subscribe to. The list names every record, public
or not, with what it withholds: it is for the steward and the committee, not for
publication; the site's due.ics is the public calendar.

Exit code 0: nothing lapsed; 1: something lapsed (for a scheduled CI job); 2: usage or
I/O error.`,
		`due toont per registratie wat aandacht nodig heeft (principe III en 3.4):

  lapsed    evaluaties waarvan de datum is verstreken (de laatste evaluatie, of het begin
            van de levenscyclus als er nooit is geëvalueerd, plus de termijn van de
            registratie of de ingestelde: camera's elk jaar, de rest elke bestuursperiode),
            en levenscycli die zijn afgelopen terwijl de registratie nog in gebruik is;
  ending    uitzonderingen en afspraken over het delen van gegevens die zijn afgelopen of
            binnen de termijn aflopen, en levenscycli die daarbinnen eindigen;
  upcoming  evaluaties die binnen de termijn vallen (due_within in register.yaml,
            standaard P90D).

Elk punt noemt de rol en het contact van de verantwoordelijke, zodat een secretaris het
kan navragen. Het formaat ical is een agenda waarop de commissie zich kan abonneren. De
lijst noemt elke registratie, openbaar of niet, met wat die afschermt: hij is voor de
beheerder en de commissie, niet om te publiceren; de due.ics van de site is de openbare
agenda.

Exitcode 0: niets verstreken; 1: iets verstreken (voor een geplande CI-taak); 2: fout in
de opdracht of bij lezen of schrijven.`)
	msgServeLong = message.New(`serve builds the site into a temporary folder and serves it on --addr, so a steward
can preview the register before pushing. When a record or register.yaml is saved, the
site is rebuilt: the pages of the records saved first, then the rest. Open pages
reload by themselves when their content changed. A build that fails keeps the
previous site and prints why, also at the top of open pages. serve hears of saved
files from the system; where it cannot, it looks at every file each --poll. Stop
with Ctrl+C; the temporary folder is removed.`,
		`serve bouwt de site in een tijdelijke map en serveert die op --addr, zodat een beheerder
het register kan bekijken voor het wordt gepusht. Wordt een registratie of
register.yaml opgeslagen, dan wordt de site opnieuw gebouwd: eerst de pagina's van de
opgeslagen registraties, dan de rest. Open pagina's laden vanzelf opnieuw als hun
inhoud veranderde. Een bouw die mislukt houdt de vorige site en meldt waarom, ook
bovenaan open pagina's. serve hoort van het systeem welke bestanden zijn opgeslagen;
waar dat niet kan, bekijkt het elk bestand elke --poll. Stop met Ctrl+C; de
tijdelijke map wordt verwijderd.`)
	msgSignLong = message.New(`sign makes the sign for a sensor in public space (VNG 4.3; for the mayor's cameras
also a legal duty, Gemeentewet art. 151c): a pictogram of what it senses and does
(camera, number plates, Wi-Fi and Bluetooth, sound, counting, measuring), the operator,
the purpose in one sentence, how long data is kept, and a QR code to the record's page
on the site (site.base_url). Dutch first, English second when register.yaml's languages
include en. A camera under Gemeentewet 151c says so.

A record that is not public gets no sign: the site has no page for the code to point
to. With --all, every public sensor not retired gets a page; the others are counted
on standard error.`,
		`sign maakt het bord voor een sensor in de openbare ruimte (VNG 4.3; voor de camera's van
de burgemeester ook een wettelijke plicht, Gemeentewet art. 151c): een pictogram van wat
hij waarneemt en doet (camera, kentekens, wifi en bluetooth, geluid, tellen, meten), de
beheerder, het doel in één zin, hoe lang gegevens worden bewaard, en een QR-code naar de
pagina van de registratie op de site (site.base_url). Eerst Nederlands, daarna Engels als
de talen in register.yaml en bevatten. Een camera onder Gemeentewet 151c vermeldt dat.

Een registratie die niet openbaar is krijgt geen bord: de site heeft geen pagina waar de
code naar kan wijzen. Met --all krijgt elke openbare sensor die niet buiten gebruik is een
pagina; de andere worden geteld op standaardfout.`)
	msgChainLong = message.New(`chain follows personal data through the register, for the desk that corrects or
deletes wrong data about a resident (GDPR art. 16, 17). It lists:

  records     every record that uses a dataset of that name (by name or source, such as
              BRP), shares data with a party of that name, or is an algorithm that uses a
              sensor of that id or name; with how a resident has the data corrected;
  recipients  every party the records share data with: each must be told of a
              correction or deletion (GDPR art. 19);
  sources     where the matching datasets come from: correct the error there first.

The name matches whole words regardless of case: "BRP" finds "Basisregistratie Personen
(BRP)". By default only public records and values are searched, as on the site;
--internal searches every record as loaded, for the desk's own use.`,
		`chain volgt persoonsgegevens door het register, voor de balie die onjuiste gegevens over
een inwoner verbetert of wist (AVG art. 16, 17). Het toont:

  records     elke registratie die een dataset met die naam gebruikt (op naam of bron,
              zoals BRP), gegevens deelt met een partij met die naam, of een algoritme is
              dat een sensor met dat id of die naam gebruikt; met hoe een inwoner de
              gegevens laat verbeteren;
  recipients  elke partij waarmee de registraties gegevens delen: elk moet van een
              verbetering of wissing horen (AVG art. 19);
  sources     waar de gevonden datasets vandaan komen: verbeter de fout eerst daar.

De naam moet als heel woord voorkomen, hoofdletters of niet: "BRP" vindt "Basisregistratie
Personen (BRP)". Standaard worden alleen openbare registraties en waarden doorzocht, zoals
op de site; --internal doorzoekt elke ingelezen registratie, voor gebruik door de balie zelf.`)
	msgQualityLong = message.New(`quality tells the register's steward how far the register is from complete:

  the fill rate of every field of the record format, per kind;
  per principle, the share of records without a finding of its rules;
  records not changed in over a term (four years; needs the full Git history);
  evaluations overdue;
  rules the configuration switched off or lowered;
  records that still hold a template's placeholders.

The report names every record, public or not: it is for the steward and the
committee, not for the public site.

Exit code 0, or 2 on a usage or I/O error: the report is information, not a verdict.`,
		`quality laat de beheerder van het register zien hoe ver het register van volledig is:

  hoe vaak elk veld van het registratieformaat is ingevuld, per soort;
  per principe, het deel van de registraties zonder bevinding van zijn regels;
  registraties die langer dan een bestuursperiode niet zijn gewijzigd (vier jaar; daarvoor
  is de volledige Git-geschiedenis nodig);
  evaluaties die te laat zijn;
  regels die de instellingen hebben uitgezet of verlaagd;
  registraties die nog invulplekken van een sjabloon bevatten.

Het overzicht noemt elke registratie, openbaar of niet: het is voor de beheerder en de
commissie, niet voor de openbare site.

Exitcode 0, of 2 bij een fout in de opdracht of bij lezen of schrijven: het overzicht is
informatie, geen oordeel.`)
	msgCompareLong = message.New(`compare national reads the national algorithm register's JSON (its v1.0 API entries,
its public listing or its first standard, as 'register import json' reads them), keeps
the entries of the register's organisation (register.yaml's organisation, or
--organisation), and reports both ways:

  public algorithms here with no entry there;
  entries there with no record here;
  for each algorithm in both, the fields whose values differ.

An entry and a record are paired by the national id the record names
(national_register.id), else by the same name; a record paired by name is told to add
the id. Only fields the file carries are compared; texts are compared as written, with
runs of white space as one space; status by the standard's three states; dates to the
month. Algorithms that are not public are counted, not compared.

Exit code 0, or 2 on a usage or I/O error: the national register is filled by hand and
lags behind; the report is a to-do list for the steward, not a verdict on the register.`,
		`compare national leest de JSON van het landelijke algoritmeregister (de items van de v1.0-API,
de openbare lijst of de eerste standaard, zoals 'register import json' die leest), houdt de
items van de organisatie van het register (de organisatie in register.yaml, of
--organisation) en meldt in beide richtingen:

  openbare algoritmes hier zonder item daar;
  items daar zonder registratie hier;
  voor elk algoritme dat in beide staat, de velden waarvan de waarden verschillen.

Een item en een registratie horen bij elkaar via het landelijke id dat de registratie noemt
(national_register.id), anders via dezelfde naam; een registratie die op naam is gekoppeld
krijgt het advies het id toe te voegen. Alleen velden die het bestand bevat worden
vergeleken; teksten zoals ze zijn geschreven, met opeenvolgende witruimte als één spatie;
de status volgens de drie toestanden van de standaard; datums op de maand. Algoritmes die
niet openbaar zijn worden geteld, niet vergeleken.

Exitcode 0, of 2 bij een fout in de opdracht of bij lezen of schrijven: het landelijke
register wordt met de hand gevuld en loopt achter; het overzicht is een takenlijst voor de
beheerder, geen oordeel over het register.`)
	msgExportLong = message.New(`export writes the register's public records in a format another register or platform reads:

  algoritmeregister  the national algorithm register's publication standard v1.0: a JSON array
                     of AlgorithmIn entries, one per public algorithm
  sensorthings       the sensors as OGC SensorThings API entities (Thing, Location,
                     Datastream, ObservedProperty, Sensor) in JSON, one Thing per sensor
  csv                one kind per file (--kind sensor or algorithm), as on the public site
  json               the whole register (register.json), as on the public site
  geojson            the sensors' positions and areas, as on the public site
  dcat               a DCAT-AP-NL catalogue (JSON-LD) of the register's datasets; needs
                     site.base_url, and takes its dates from the Git history

Records that are not public are left out, and so are withheld fields. A value the national
register's standard cannot take (longer than its limit, or a required value missing) is
reported on standard error and never cut short: fix the record and export again.

Exit code 0: exported; 1: exported, but with findings (or records that could not be read);
2: usage or I/O error.`,
		`export schrijft de openbare registraties in een formaat dat een ander register of platform leest:

  algoritmeregister  de publicatiestandaard v1.0 van het landelijke algoritmeregister: een
                     JSON-array met AlgorithmIn-items, één per openbaar algoritme
  sensorthings       de sensoren als entiteiten van de OGC SensorThings API (Thing, Location,
                     Datastream, ObservedProperty, Sensor) in JSON, één Thing per sensor
  csv                één soort per bestand (--kind sensor of algorithm), zoals op de openbare site
  json               het hele register (register.json), zoals op de openbare site
  geojson            de posities en gebieden van de sensoren, zoals op de openbare site
  dcat               een DCAT-AP-NL-catalogus (JSON-LD) van de datasets van het register;
                     vraagt site.base_url, en neemt de datums uit de Git-geschiedenis

Registraties die niet openbaar zijn blijven weg, en afgeschermde velden ook. Een waarde die
de standaard van het landelijke register niet aankan (langer dan de grens, of een verplichte
waarde die ontbreekt) wordt gemeld op standaardfout en nooit afgekapt: verbeter de
registratie en exporteer opnieuw.

Exitcode 0: geëxporteerd; 1: geëxporteerd, maar met bevindingen (of registraties die niet
gelezen konden worden); 2: fout in de opdracht of bij lezen of schrijven.`)
	msgImportNotificationLong = message.New(`import notification adds the sensor record an operator made with the site's form "Meld
een sensor" (duty to report) to the register, as sensors/ID.yaml. registered_on is set to
--received, the day the municipality received the notification, so the notice-period rule
measures from receipt; a different date in the file is replaced, with a warning.

The file is read as untrusted input: it must be one valid sensor record, or nothing is
written and every problem is reported with its line and column. Comments in it are
dropped (the register's source is published). Fields the form does not ask are reported
for the desk to check.

A notification about a sensor the register has is refused, unless --update is given:
then the fields the form asks that it gives replace the record's, and everything else
(withheld fields, the first registered_on) stays. The fields changed are listed. A field
the form does not ask (publication above all, exceptions, evaluations) is the
municipality's to decide: a notification that would change it is refused.

To remove a value on --update, give the field empty: ~, null or nothing after the
colon, "" for a text, [] for a list (lifecycle: {end: ~} removes the end date). A field
left out stays; a mapping ({}) is merged field by field and removes nothing by itself; a
mapping whose fields are all removed goes too. Only fields the form asks can be removed:
emptying any other (publication above all) refuses the notification.

Exit code 0: added; 1: refused (the findings say why); 2: usage or I/O error.`,
		`import notification voegt de sensorregistratie die een beheerder met het formulier "Meld
een sensor" van de site heeft gemaakt (meldplicht) toe aan het register, als
sensors/ID.yaml. registered_on wordt --received, de dag waarop de gemeente de melding
ontving, zodat de regel over de meldtermijn vanaf de ontvangst rekent; een andere datum in
het bestand wordt vervangen, met een waarschuwing.

Het bestand wordt gelezen als niet-vertrouwde invoer: het moet één geldige
sensorregistratie zijn, anders wordt niets geschreven en wordt elk probleem gemeld met
regel en kolom. Commentaar erin valt weg (de bron van het register is openbaar). Velden
waar het formulier niet om vraagt worden gemeld, zodat de balie ze controleert.

Een melding over een sensor die al in het register staat wordt geweigerd, tenzij --update
is gegeven: dan vervangen de gevraagde velden die de melding geeft die van de registratie,
en al het andere (afgeschermde velden, de eerste registered_on) blijft. De gewijzigde velden
worden getoond. Een veld waar het formulier niet om vraagt (publication vooral, exceptions,
evaluaties) is aan de gemeente: een melding die het zou veranderen, wordt geweigerd.

Om met --update een waarde te verwijderen, geeft u het veld leeg: ~, null of niets na de
dubbele punt, "" voor een tekst, [] voor een lijst (lifecycle: {end: ~} verwijdert de
einddatum). Een weggelaten veld blijft; een mapping ({}) wordt veld voor veld samengevoegd
en verwijdert zelf niets; een mapping waarvan alle velden verwijderd worden verdwijnt ook.
Alleen velden waar het formulier om vraagt kunnen worden verwijderd: een ander veld leeg
maken (publication vooral) weigert de melding.

Exitcode 0: toegevoegd; 1: geweigerd (de bevindingen zeggen waarom); 2: fout in de
opdracht of bij lezen of schrijven.`)
	msgFederateLong = message.New(`federate reads the registers listed in federation.yaml (default: ./federation.yaml)
and writes one national site with open data: every public record with its municipality,
national counts by sensor type, capability, AI Act risk group and principle, a map of
all sensors, the quality of each municipality's register (with an SVG chart, no script)
and a DCAT catalogue (when base_url is set).

  title: Landelijk overzicht van sensoren en algoritmes
  organisation: Vereniging van Nederlandse Gemeenten
  base_url: https://register.example.nl/
  registers:
    - {organisation: Gemeente Utrecht, code: GM0344, province: Utrecht, source: ../utrecht}
    - {organisation: Gemeente Breda, code: GM0758, source: https://github.com/breda/register.git}
    - {organisation: Gemeente Tilburg, code: GM0855, source: https://register.tilburg.nl/data/register.json}

A source is a register's folder (a Git repository or not), a clone URL, or a published
site's register.json (a file or an URL). Nothing reaches the network unless --fetch is
given: it clones (shallow) and downloads into the cache; without it, what an earlier
--fetch left there is used. Only what each municipality publishes is used: records that
are not public and withheld fields stay out, as on its own site.

A register that cannot be read is reported and left out; the others are published.
Each register's result is kept in the cache (--cache) keyed on its commit and files, or
its open data's content, and the date: a second run reads only what changed. What the
cache holds of a register no longer listed is removed.

For a federation too large for one machine, run one job per province (--province) with a
shared cache, then one job with --merge that builds the site from the parts they left. A
part made by another version of register, or for an entry that has changed since, is
refused and reported (exit 1): run that province's job again.

Exit code 0: built; 1: built, but registers that could not be read are missing from it,
or a register's open data publishes records kept out (a publication block that does not
read, a template's marks); 2: usage or I/O error (federation.yaml that does not read, an output folder that
cannot be written).`,
		`federate leest de registers die in federation.yaml staan (standaard: ./federation.yaml) en
schrijft één landelijke site met open data: elke openbare registratie met haar gemeente,
landelijke aantallen per soort sensor, vermogen, risicogroep van de AI-verordening en
principe, een kaart van alle sensoren, de kwaliteit van het register van elke gemeente (met
een SVG-grafiek, zonder script) en een DCAT-catalogus (als base_url is ingesteld).

  title: Landelijk overzicht van sensoren en algoritmes
  organisation: Vereniging van Nederlandse Gemeenten
  base_url: https://register.example.nl/
  registers:
    - {organisation: Gemeente Utrecht, code: GM0344, province: Utrecht, source: ../utrecht}
    - {organisation: Gemeente Breda, code: GM0758, source: https://github.com/breda/register.git}
    - {organisation: Gemeente Tilburg, code: GM0855, source: https://register.tilburg.nl/data/register.json}

Een bron is de map van een register (een Git-repository of niet), een URL om te klonen, of
de register.json van een gepubliceerde site (een bestand of een URL). Er gaat niets over het
netwerk tenzij --fetch is gegeven: dat kloont (ondiep) en downloadt naar de cache; zonder
wordt gebruikt wat een eerdere --fetch daar achterliet. Alleen wat elke gemeente publiceert
wordt gebruikt: registraties die niet openbaar zijn en afgeschermde velden blijven weg,
zoals op haar eigen site.

Een register dat niet gelezen kan worden wordt gemeld en weggelaten; de andere worden
gepubliceerd. Het resultaat van elk register blijft in de cache (--cache), op sleutel van
zijn commit en bestanden, of de inhoud van zijn open data, en de datum: een tweede run leest
alleen wat veranderde. Wat de cache bewaart van een register dat niet meer in de lijst staat,
wordt verwijderd.

Voor een federatie die te groot is voor één machine draait u één taak per provincie
(--province) met een gedeelde cache, en daarna één taak met --merge die de site bouwt uit
de delen die zij achterlieten. Een deel dat een andere versie van register maakte, of dat
voor een regel van federation.yaml is die sindsdien veranderde, wordt geweigerd en gemeld
(exitcode 1): draai de taak van die provincie dan opnieuw.

Exitcode 0: gebouwd; 1: gebouwd, maar registers die niet gelezen konden worden ontbreken,
of de open data van een register publiceert registraties die zijn weggelaten (een
publicatieblok dat niet te lezen is, merktekens van een sjabloon); 2: fout in de opdracht of bij lezen of schrijven (een federation.yaml die niet te lezen
is, een uitvoermap waarin niet geschreven kan worden).`)
	msgPacketLong = message.New(`packet prepares a meeting of the ethics committee (VNG 3.8): it selects the records
that are new or changed since the previous packet (--since: a tag, commit or date; by
default the tag the previous 'register packet --tag' made), those with an evaluation,
life cycle, exception or data-sharing agreement lapsed or falling due within the window,
those with errors in the principles checklist, and those asked for with --ids. For each
it gives the key facts in plain language, the checklist's findings with their
principles, the changes field by field, the exceptions and questions for the committee,
and it ends with the principles cited. Dutch by default; --lang en for English.

The format follows the extension of --out: .html (one self-contained file that prints
on A4), .md or .pdf. Without --out the packet is printed as Markdown.

The packet is for the committee: a record that is not public is marked "Vertrouwelijk —
niet openbaar" with its reason on the agenda and on each of its pages, and so is each
withheld field. Committee papers are often published: --public makes a packet fit for
that, from the register's public view (as the site): records that are not public are
counted, not shown, and withheld fields read "niet openbaar" with the reason.

After the meeting, --tag NAME tags the commit the packet was made from, so the next
packet's --since defaults to it. With --out, the packet is written and its commit
tagged; without, only the tag is made (on --commit, default HEAD).

Exit code 0 when the packet is written (findings are its content, not a failure);
2 on a usage or I/O error. A register outside Git still gets a packet, selected by
dates, findings and --ids.`,
		`packet bereidt een vergadering van de ethische commissie voor (VNG 3.8): het kiest de
registraties die nieuw of gewijzigd zijn sinds het vorige pakket (--since: een tag, commit
of datum; standaard de tag die de vorige 'register packet --tag' maakte), die met een
evaluatie, levenscyclus, uitzondering of afspraak over het delen van gegevens die is
verstreken of binnen de termijn afloopt, die met fouten in de toetsing aan de principes,
en die gevraagd met --ids. Voor elk geeft het de kernpunten in gewone taal, de bevindingen
van de toetsing met hun principes, de wijzigingen veld voor veld, de uitzonderingen en de
vragen aan de commissie, en het eindigt met de genoemde principes. Standaard in het
Nederlands; --lang en voor Engels.

Het formaat volgt de extensie van --out: .html (één zelfstandig bestand dat op A4 afdrukt),
.md of .pdf. Zonder --out wordt het pakket als Markdown getoond.

Het pakket is voor de commissie: een registratie die niet openbaar is wordt gemarkeerd als
"Vertrouwelijk — niet openbaar", met de reden, op de agenda en op elk van haar pagina's, en
zo ook elk afgeschermd veld. Stukken van de commissie worden vaak gepubliceerd: --public
maakt een pakket dat daarvoor geschikt is, vanuit de openbare weergave van het register
(zoals de site): registraties die niet openbaar zijn worden geteld, niet getoond, en bij
afgeschermde velden staat "niet openbaar" met de reden.

Na de vergadering zet --tag NAAM een tag op de commit waaruit het pakket is gemaakt, zodat
--since van het volgende pakket daar standaard van uitgaat. Met --out wordt het pakket
geschreven en krijgt zijn commit de tag; zonder wordt alleen de tag gemaakt (op --commit,
standaard HEAD).

Exitcode 0 als het pakket is geschreven (bevindingen zijn de inhoud, geen mislukking); 2 bij
een fout in de opdracht of bij lezen of schrijven. Een register buiten Git krijgt ook een
pakket, gekozen op datums, bevindingen en --ids.`)
	msgBuildLong = message.New(`build writes the public register as a static website: every public record in plain
Dutch and English, the checklist's findings, a map of the sensors, search, and the
open-data downloads (register.json, CSV, GeoJSON, the JSON Schemas and a DCAT
catalogue). The site loads nothing from another host and can be hosted anywhere.

The site is written to a copy next to --out and swapped in, in one step, when complete;
the earlier version is kept there (.OUT.previous) as the next build's copy, so a build
writes only the files that changed. The checklist's result for each record file is kept
beside the history cache, as check keeps it, and what the file parsed to next to it, so a
file that did not change is neither read as YAML nor checked again (--no-cache reads and
checks every file afresh, and keeps nothing). The history cache itself keeps what the
record pages and the change feed read from Git: when each file changed, the fields each
commit changed, and the values the feed shows.
Records with publication.public: false are counted, not shown; withheld fields show
"niet openbaar". A record that cannot be read is missing from the site, and one
that does not follow the schema shows its errors: build then still writes the site
and reports the errors, which fail the run (exit 1) only with --fail-on error or
warning; by default (--fail-on none) they do not.

The map is drawn without a background map, so nothing is requested from another host.
A municipality that trusts a tile service can set site.tiles_url in register.yaml to an
https URL with {z}, {x} and {y} (Web Mercator tiles, for example the national PDOK
background map: https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png);
the pages then allow images from that one host and draw the tiles under the sensors.

The site is written even when the checklist has findings: the register stays public,
with its findings on the pages. build prints the checklist's summary on standard error
(errors, warnings, and the rules the configuration switched off or lowered); --fail-on
decides whether findings fail the run, so CI can choose.

Exit code 0: built; 1: built, but records that could not be read (or whose id another
file has) are missing from it, or there are findings at or above --fail-on; 2: usage or I/O error, or a register.yaml that
cannot be read (nothing is built then).`,
		`build schrijft het openbare register als statische website: elke openbare registratie in
gewoon Nederlands en Engels, de bevindingen van de toetsing, een kaart van de sensoren,
zoeken, en de downloads met open data (register.json, CSV, GeoJSON, de JSON Schema's en een
DCAT-catalogus). De site laadt niets van een andere host en kan overal worden gehost.

De site wordt geschreven in een kopie naast --out en in één stap op zijn plaats gezet als
die compleet is; de vorige versie blijft daar staan (.OUT.previous) als kopie voor de
volgende bouw, zodat een bouw alleen de gewijzigde bestanden schrijft. De uitkomst van de
toetsing van elk registratiebestand wordt naast de cache van de geschiedenis bewaard, zoals
check die bewaart, en wat het bestand bij het lezen opleverde ernaast, zodat een bestand dat
niet veranderde niet opnieuw als YAML wordt gelezen en niet opnieuw wordt getoetst
(--no-cache leest en toetst elk bestand opnieuw, en bewaart niets). De cache van de
geschiedenis zelf bewaart wat de pagina's van de registraties en de wijzigingenfeed uit Git
lezen: wanneer elk bestand veranderde, welke velden elke commit veranderde, en de waarden
die de feed toont.
Registraties met publication.public: false worden geteld, niet getoond; bij afgeschermde
velden staat "niet openbaar". Een registratie die niet gelezen kan worden ontbreekt op de
site, en een die niet aan het schema voldoet toont haar fouten: build schrijft de site dan
toch en meldt de fouten, die de run alleen laten mislukken (exit 1) met --fail-on error of
warning; standaard (--fail-on none) niet.

De kaart wordt getekend zonder achtergrondkaart, zodat niets bij een andere host wordt
opgevraagd. Een gemeente die een tegeldienst vertrouwt, kan in register.yaml site.tiles_url
instellen op een https-URL met {z}, {x} en {y} (tegels in Web Mercator, bijvoorbeeld de
landelijke achtergrondkaart van PDOK:
https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png);
de pagina's staan dan afbeeldingen van die ene host toe en tekenen de tegels onder de sensoren.

De site wordt ook geschreven als de toetsing bevindingen heeft: het register blijft
openbaar, met zijn bevindingen op de pagina's. build toont de samenvatting van de toetsing
op standaardfout (fouten, waarschuwingen, en de regels die de instellingen hebben uitgezet
of verlaagd); --fail-on bepaalt of bevindingen de run laten mislukken, zodat CI kan kiezen.

Exitcode 0: gebouwd; 1: gebouwd, maar registraties die niet gelezen konden worden (of waarvan
een ander bestand het id al heeft) ontbreken,
of er zijn bevindingen op of boven --fail-on; 2: fout in de opdracht of bij lezen of
schrijven, of een register.yaml die niet gelezen kan worden (dan wordt niets gebouwd).`)
	msgFederateOutUsage = message.New("folder to write the national site to (replaced whole)",
		"map waarin de landelijke site wordt geschreven (geheel vervangen)")
	msgFederateCacheUsage = message.New("folder for each register's result and fetched sources (default .federation-cache next to federation.yaml)",
		"map voor het resultaat van elk register en de opgehaalde bronnen (standaard .federation-cache naast federation.yaml)")
	msgFederateFetchUsage = message.New("clone and download remote sources (nothing reaches the network without it)",
		"bronnen op afstand klonen en downloaden (zonder deze optie gaat er niets over het netwerk)")
	msgFederateProvinceUsage = message.New("read only the registers of this province (one shard)",
		"lees alleen de registers van deze provincie (één deel)")
	msgFederateMergeUsage = message.New("build from the parts in the cache only, reading no register (after the shard jobs)",
		"bouw alleen uit de delen in de cache, zonder een register te lezen (na de taken per provincie)")
	msgFederateValidateUsage = message.New("also validate every record against the schemas (slower; each register's CI does it)",
		"valideer ook elke registratie tegen de schema's (trager; de CI van elk register doet dat al)")
	msgFederateProgressUsage = message.New("print a line on standard error per register read",
		"toon op standaardfout een regel per gelezen register")
	msgPacketAsOfUsage = message.New("meeting date (YYYY-MM-DD); dates fall due relative to it; default: today in Europe/Amsterdam",
		"datum van de vergadering (YYYY-MM-DD); termijnen lopen af ten opzichte daarvan; standaard: vandaag in Europe/Amsterdam")
	msgPacketSinceUsage = message.New("previous packet: a tag, commit or date (YYYY-MM-DD); default: the newest tag made by --tag",
		"vorig pakket: een tag, commit of datum (YYYY-MM-DD); standaard: de nieuwste tag die --tag maakte")
	msgPacketIdsUsage = message.New("also put these records on the agenda (comma-separated ids)",
		"zet ook deze registraties op de agenda (id's, gescheiden door komma's)")
	msgPacketWithinUsage = message.New("window for dates falling due, as an ISO 8601 duration (default: due_within, P90D)",
		"termijn voor datums die aflopen, als ISO 8601-duur (standaard: due_within, P90D)")
	msgPacketCommitteeUsage = message.New("the committee's name on the cover (default: Ethische commissie)",
		"de naam van de commissie op het voorblad (standaard: Ethische commissie)")
	msgPacketTagUsage = message.New("tag the commit the packet is made from with this name, for the next packet's --since",
		"zet een tag met deze naam op de commit waaruit het pakket is gemaakt, voor --since van het volgende pakket")
	msgPacketCommitUsage = message.New("with --tag and no --out: the commit to tag (default HEAD)",
		"met --tag en zonder --out: de commit die de tag krijgt (standaard HEAD)")
	msgPacketPublicUsage = message.New("make a packet fit for publication: records that are not public are counted, not shown, and withheld fields read 'niet openbaar' with the reason, as on the site",
		"maak een pakket dat geschikt is om te publiceren: registraties die niet openbaar zijn worden geteld, niet getoond, en bij afgeschermde velden staat 'niet openbaar' met de reden, zoals op de site")
	msgImportCSVLong = message.New(`import csv turns a spreadsheet (saved as CSV: comma, semicolon or tab separated, UTF-8 or
Windows-1252) into record files, one per row, under sensors/ or algorithms/. The whole file
is in one encoding: a UTF-8 file with a byte that is not UTF-8 is refused at that byte,
rather than guessed at, so no text changes on the way.

Columns are found by their header, in Dutch or English: the record's own keys
(owner.email or owner_email), the open-data CSV's headers, and the Dutch labels (naam,
korte omschrijving, status, startdatum, locatie, breedtegraad, soort sensor, ...). Values
may be written in Dutch (In gebruik, ja, Camera, Natuur en milieu). A yes/no field
(publication.public, signage.present, ...) takes ja, j, yes, y, true, waar, 1 or x for
yes and nee, n, no, false, onwaar or 0 for no, in any case; any other text is an error
at its cell, and the row is not imported.

Texts are imported as written: a cell becomes a list only where the column is a list
(themes and capabilities at ";" or ","; the open-data CSV's own list columns at ";"),
or where a mapping file declares it one with its separator. For other headers, a
mapping file names the field of each column, how to read its values, and defaults:

  extends: amsterdam-bulk           # start from a ready-made map (optional)
  columns:
    "Omschrijving object": name
    "Databronnen": {field: datasets, separator: ";"}
    "Soort": {field: sensor_type, values: {"Optische / camera sensor": camera}, unknown: report}
    "Opmerkingen": ""            # leave out, without a warning
  defaults:
    status: active

Ready-made maps (--map NAME): algoritmeregister-csv (the national algorithm register,
standard v1.0), algoritmeregister-v0.1 (its first standard), amsterdam-bulk (Amsterdam's
bulk template for sensors) and amsterdam-melding (its notification form: up to five
sensors per row, one record each). A column with no place in the record format is
reported with the lines whose text it leaves out.

Ids are made from the names (lower case, hyphens) and kept unique. Dates are normalised
to YYYY-MM-DD (01-03-2025, 1 maart 2025 and 2025/3/1 all work), and durations to ISO 8601
("2 jaar" and "jaarlijks" become P2Y and P1Y). The organisation in
register.yaml fills organisation.name when no column gives it, and personal data counts
as unknown (so as yes) until a column says otherwise.

Blank rows are skipped; repeated rows, unknown columns and cells that cannot be read are
reported with their line and column, and such rows are not imported. Every record made
is validated against the schemas and its problems are shown; it is written even when it
is incomplete, so you can finish it in the YAML file. import never overwrites a record
that exists: fix the spreadsheet and run it again to import the rows that were left out.

Exit code 0: imported without errors; 1: rows left out or records with schema errors;
2: usage or I/O error.`,
		`import csv maakt van een spreadsheet (bewaard als CSV: gescheiden door komma, puntkomma of
tab, UTF-8 of Windows-1252) registratiebestanden, één per rij, onder sensors/ of algorithms/.
Het hele bestand heeft één codering: een UTF-8-bestand met een byte die geen UTF-8 is, wordt
bij die byte geweigerd in plaats van geraden, zodat geen tekst onderweg verandert.

Kolommen worden gevonden aan hun kop, in het Nederlands of Engels: de eigen sleutels van de
registratie (owner.email of owner_email), de koppen van de CSV met open data, en de
Nederlandse labels (naam, korte omschrijving, status, startdatum, locatie, breedtegraad,
soort sensor, ...). Waarden mogen in het Nederlands zijn geschreven (In gebruik, ja, Camera,
Natuur en milieu). Een ja/nee-veld (publication.public, signage.present, ...) neemt ja, j,
yes, y, true, waar, 1 of x voor ja en nee, n, no, false, onwaar of 0 voor nee, in hoofd- of
kleine letters; elke andere tekst is een fout in haar cel, en de rij wordt niet ingelezen.

Teksten worden overgenomen zoals ze zijn geschreven: een cel wordt alleen een lijst waar de
kolom een lijst is (themes en capabilities bij ";" of ","; de eigen lijstkolommen van de CSV
met open data bij ";"), of waar een koppelbestand haar een lijst maakt met een scheidingsteken.
Voor andere koppen noemt een koppelbestand het veld van elke kolom, hoe de waarden te lezen,
en standaardwaarden:

  extends: amsterdam-bulk           # begin met een kant-en-klare koppeling (optioneel)
  columns:
    "Omschrijving object": name
    "Databronnen": {field: datasets, separator: ";"}
    "Soort": {field: sensor_type, values: {"Optische / camera sensor": camera}, unknown: report}
    "Opmerkingen": ""            # weglaten, zonder waarschuwing
  defaults:
    status: active

Kant-en-klare koppelingen (--map NAAM): algoritmeregister-csv (het landelijke
algoritmeregister, standaard v1.0), algoritmeregister-v0.1 (de eerste standaard daarvan),
amsterdam-bulk (het bulksjabloon van Amsterdam voor sensoren) en amsterdam-melding (het
meldformulier daarvan: tot vijf sensoren per rij, elk een eigen registratie). Een kolom
zonder plaats in het registratieformaat wordt gemeld met de regels waarvan zij tekst weglaat.

Id's worden uit de namen gemaakt (kleine letters, koppeltekens) en blijven uniek. Datums
worden YYYY-MM-DD (01-03-2025, 1 maart 2025 en 2025/3/1 werken alle drie), en duren ISO 8601
("2 jaar" en "jaarlijks" worden P2Y en P1Y). De organisatie in register.yaml vult
organisation.name als geen kolom die geeft, en persoonsgegevens gelden als onbekend (dus als
ja) tot een kolom iets anders zegt.

Lege rijen worden overgeslagen; herhaalde rijen, onbekende kolommen en cellen die niet te
lezen zijn worden gemeld met hun regel en kolom, en zulke rijen worden niet ingelezen. Elke
gemaakte registratie wordt gevalideerd tegen de schema's en haar problemen worden getoond;
zij wordt ook geschreven als zij onvolledig is, zodat u haar in het YAML-bestand kunt
afmaken. import overschrijft nooit een bestaande registratie: verbeter de spreadsheet en
voer de opdracht opnieuw uit om de weggelaten rijen in te lezen.

Exitcode 0: ingelezen zonder fouten; 1: rijen weggelaten of registraties met
schemafouten; 2: fout in de opdracht of bij lezen of schrijven.`)
	msgImportJSONLong = message.New(`import json reads records from JSON and writes one record file per entry:

  - this or another register's open data (register.json, or export --format json):
    records in the record format, each with its kind;
  - the national algorithm register's entries (publication standard v1.0, as its API
    gives them: name, description_short, ..., lars), one entry or a list, for
    example a municipality's own published entries;
  - the national register's public listing (id, title, organisatie, doel, ...).

The shape of the entries picks the ready-made map (algoritmeregister-json or
algoritmeregister-lijst-json); --map gives another. Entries of the national register
are keyed on its id (lars): an entry whose id a record in the register already has
(national_register.id) is reported and not imported again. Texts are kept whole; keys
the record format has no place for are reported with the lines of the entries whose
text is left out.

Each value is read in the shape the record format gives its field: true or false, a
number, a text, a list or an object. A value of another shape (a list of one value,
"true" written as a text, an object where a text goes) is an error at its line and
column, and its entry is not imported. Entries read with a map keep their own values,
which the map translates, but never a list or object where one value goes.

Exit code 0: imported without errors; 1: entries left out or records with schema
errors; 2: usage or I/O error.`,
		`import json leest registraties uit JSON en schrijft één registratiebestand per item:

  - de open data van dit of een ander register (register.json, of export --format json):
    registraties in het registratieformaat, elk met haar soort;
  - de items van het landelijke algoritmeregister (publicatiestandaard v1.0, zoals de API
    ze geeft: name, description_short, ..., lars), één item of een lijst, bijvoorbeeld de
    eigen gepubliceerde items van een gemeente;
  - de openbare lijst van het landelijke register (id, title, organisatie, doel, ...).

De vorm van de items kiest de kant-en-klare koppeling (algoritmeregister-json of
algoritmeregister-lijst-json); --map geeft een andere. Items van het landelijke register
worden herkend aan hun id (lars): een item waarvan een registratie in het register het id
al heeft (national_register.id) wordt gemeld en niet opnieuw ingelezen. Teksten blijven
heel; sleutels waarvoor het registratieformaat geen plaats heeft worden gemeld met de
regels van de items waarvan tekst wegvalt.

Elke waarde wordt gelezen in de vorm die het registratieformaat haar veld geeft: true of
false, een getal, een tekst, een lijst of een object. Een waarde van een andere vorm (een
lijst met één waarde, "true" geschreven als tekst, een object waar een tekst hoort) is een
fout op haar regel en kolom, en haar item wordt niet ingelezen. Items die met een
koppeling worden gelezen houden hun eigen waarden, die de koppeling vertaalt, maar nooit
een lijst of object waar één waarde hoort.

Exitcode 0: ingelezen zonder fouten; 1: items weggelaten of registraties met
schemafouten; 2: fout in de opdracht of bij lezen of schrijven.`)
	msgChangesLong = message.New(`changes compares the register at a tag, branch or commit, or at a date (YYYY-MM-DD: the
last commit before that day began in Europe/Amsterdam), with the register now: records
added, changed, renamed and removed, with the fields that changed and the commits in
between.

The atom format is the register's public change feed, one entry per record per commit,
for residents, journalists and council members to follow in a feed reader. It leaves out
records that are not public, hides withheld values, and names commit authors only when
site.show_commit_authors is set in register.yaml. It quotes no commit messages; the site
and the public packet show commit subjects only when site.show_commit_subjects is set.
The text and json formats are the steward's view: they list every record, public or not,
with its old values as written and the commit authors. Publish the atom format, not them.

History comes from the Git repository that holds the register (no git binary needed).
A shallow clone lacks history: fetch it all (actions/checkout with fetch-depth: 0).

Exit code 0: changes listed (or none); 2: usage error, unknown reference, no Git
repository, or another error.`,
		`changes vergelijkt het register bij een tag, branch of commit, of op een datum (JJJJ-MM-DD:
de laatste commit voor het begin van die dag in Europe/Amsterdam), met het register nu:
registraties die zijn toegevoegd, gewijzigd, hernoemd en verwijderd, met de velden die
veranderden en de commits daartussen.

Het formaat atom is de openbare wijzigingenfeed van het register, één item per
registratie per commit, die inwoners, journalisten en raadsleden in een feedlezer kunnen
volgen. Registraties die niet openbaar zijn blijven weg, achtergehouden waarden worden
verborgen, en de auteurs van commits worden alleen genoemd als site.show_commit_authors in
register.yaml aan staat. De feed citeert geen commitberichten; de website en het openbare
pakket tonen de omschrijving van commits alleen als site.show_commit_subjects aan staat.
De formaten text en json zijn voor de beheerder: ze tonen elke registratie, openbaar of
niet, met oude waarden zoals ze er stonden en de auteurs van commits. Publiceer de feed
(atom), niet deze formaten.

De geschiedenis komt uit de Git-repository waarin het register staat (git zelf is niet
nodig). Een ondiepe kloon mist geschiedenis: haal die helemaal op (actions/checkout met
fetch-depth: 0).

Exitcode 0: wijzigingen getoond (of geen); 2: fout in de opdracht, onbekende verwijzing,
geen Git-repository, of een andere fout.`)
	msgHistoryLong = message.New(`history lists the commits that changed a record, newest first: date, author, message and
the fields each commit added, removed or changed (a field-level diff of the YAML, not a
line diff). It follows the record back through renames, so a record whose id changed
keeps its history. Records removed from the register can be looked up by id too.

It is the steward's view: it shows records that are not public, withheld values as they
were written and the commit authors. The site's record pages show the public history.

History comes from the Git repository that holds the register, read without a git
binary. A shallow clone has no early history: fetch it all (git fetch --unshallow; in
GitHub Actions, actions/checkout with fetch-depth: 0).

Exit code 0: history shown; 2: no such record, no Git repository, or another error.`,
		`history toont de commits die een registratie veranderden, nieuwste eerst: datum, auteur,
bericht en de velden die elke commit toevoegde, verwijderde of wijzigde (een vergelijking
per veld van de YAML, niet per regel). Het volgt de registratie terug door hernoemingen,
zodat een registratie waarvan het id veranderde haar geschiedenis houdt. Registraties die
uit het register zijn verwijderd zijn ook op id op te zoeken.

Dit overzicht is voor de beheerder: het toont ook registraties die niet openbaar zijn,
achtergehouden waarden zoals ze er stonden en de auteurs van commits. De pagina's van de
website tonen de openbare geschiedenis.

De geschiedenis komt uit de Git-repository waarin het register staat, gelezen zonder git
zelf. Een ondiepe kloon mist de vroege geschiedenis: haal die helemaal op (git fetch
--unshallow; in GitHub Actions actions/checkout met fetch-depth: 0).

Exitcode 0: geschiedenis getoond; 2: registratie bestaat niet, geen Git-repository, of een
andere fout.`)
	msgMigrateLong = message.New(`migrate checks which version of the record format each record is in and upgrades
the older ones to the current version (v%d), rewriting the files in place with their
comments, order and layout kept. A fork that pulls a new version of this tool runs it
once, reviews the diff and commits it. It refuses to run on uncommitted changes, so its
rewrite can be reviewed on its own (--force runs it anyway). A second run changes nothing.

v2 adds camera_regime to cameras, ANPR cameras and drones. migrate fills it in only where
the record settles it (police, private, or a legal basis naming Gemeentewet 151c); every
other camera gets camera_regime: unknown with a comment, an open question that
register check reports until its owner answers it.

A record migrate cannot rewrite safely is left as it is, named with its line and column and
what to do; --dry-run runs the same conversion without writing, so it reports the same.

Interrupted (Ctrl-C, SIGTERM, SIGHUP), it stops between files, each written whole or not
at all, having named each file it migrated. A temporary file that a run killed outright
left beside a record (.NAME.tmp-DIGITS) is removed by the next run, which says so.

Exit code 0: all records are (now) current; 1: records that cannot be migrated (newer
than this tool, unreadable, or not safely rewritable); 2: usage or I/O error, or
interrupted.`,
		`migrate kijkt in welke versie van het registratieformaat elke registratie staat en zet de
oudere om naar de huidige versie (v%d); de bestanden worden ter plekke herschreven, met
hun commentaar, volgorde en opmaak. Een fork die een nieuwe versie van dit programma
binnenhaalt voert het één keer uit, bekijkt de verschillen en commit ze. Het weigert bij
wijzigingen die nog niet zijn gecommit, zodat de omzetting op zichzelf te bekijken is
(--force voert het toch uit). Een tweede keer verandert niets.

v2 voegt camera_regime toe aan camera's, ANPR-camera's en drones. migrate vult het alleen
in waar de registratie het vastlegt (politie, particulier, of een wettelijke grondslag die
Gemeentewet 151c noemt); elke andere camera krijgt camera_regime: unknown met commentaar,
een open vraag die register check meldt tot de eigenaar die beantwoordt.

Een registratie die migrate niet veilig kan herschrijven, blijft zoals ze is en wordt genoemd
met regel en kolom en wat u kunt doen; --dry-run voert dezelfde omzetting uit zonder te
schrijven, en meldt dus hetzelfde.

Onderbroken (Ctrl-C, SIGTERM, SIGHUP) stopt het tussen twee bestanden, elk helemaal of
niet geschreven, en heeft het elk omgezet bestand genoemd. Een tijdelijk bestand dat een
meteen afgebroken run naast een registratie achterliet (.NAAM.tmp-CIJFERS), verwijdert de
volgende run, en meldt dat.

Exitcode 0: alle registraties zijn (nu) actueel; 1: registraties die niet om te zetten zijn
(nieuwer dan dit programma, onleesbaar, of niet veilig te herschrijven); 2: fout in de
opdracht of bij lezen of schrijven, of onderbroken.`)
	msgRulesLong = message.New(`rules lists every rule of the principles checklist: its id (used in register.yaml and in
exceptions), the principle it comes from, the severity it reports at in this register
(after register.yaml and REGISTER_RULES_<ID> variables) and its title. The register's own
rules from rules_custom follow the built-in ones. 'register explain RULE' tells more.`,
		`rules toont elke regel van de toetslijst: het id (gebruikt in register.yaml en in
uitzonderingen), het principe waaruit de regel volgt, de ernst waarmee hij in dit register
meldt (na register.yaml en de variabelen REGISTER_RULES_<ID>) en de titel. De eigen regels
van het register uit rules_custom volgen na de ingebouwde. 'register explain REGEL' vertelt
meer.`)
	msgExplainLong = message.New(`explain prints why a rule of the checklist exists (its principle, in Dutch and English),
its severity in this register, what a record needs to satisfy it, and an example.`,
		`explain toont waarom een regel van de toetslijst bestaat (het principe, in het Nederlands
en het Engels), de ernst in dit register, wat een registratie nodig heeft om eraan te
voldoen, en een voorbeeld.`)
	msgSchemaLong = message.New(`schema prints one of the JSON Schemas (draft 2020-12) that the register validates
records against, exactly as built into this program: sensor or algorithm for a kind of
record, or common for the definitions both share (the record schemas refer to it as
common.schema.json, next to them), or config for register.yaml. Save them in one folder
to use them elsewhere.

Editors show help while typing when a record starts with, for example:
  # yaml-language-server: $schema=../../schema/sensor.schema.json
and register.yaml with:
  # yaml-language-server: $schema=../schema/config.schema.json
'register init' also writes .vscode/settings.json, which maps the schemas to the files.`,
		`schema toont een van de JSON Schema's (draft 2020-12) waaraan het register registraties
toetst, precies zoals ingebouwd in dit programma: sensor of algorithm voor een soort
registratie, common voor de definities die beide delen (de schema's van de registraties
verwijzen ernaar als common.schema.json, ernaast), of config voor register.yaml. Bewaar ze
in één map om ze elders te gebruiken.

Editors geven uitleg tijdens het typen als een registratie bijvoorbeeld begint met:
  # yaml-language-server: $schema=../../schema/sensor.schema.json
en register.yaml met:
  # yaml-language-server: $schema=../schema/config.schema.json
'register init' schrijft ook .vscode/settings.json, dat de schema's aan de bestanden koppelt.`)
	msgBuildChecklist = message.New("checklist: %s, %s, %s ('register check' lists them; the site shows them on the record pages)",
		"toetsing: %s, %s, %s ('register check' somt ze op; de site toont ze op de pagina's van de registraties)")
	msgRecords          = message.Records
	msgErrors           = message.NewCount("%d error", "%d errors", "%d fout", "%d fouten")
	msgWarnings         = message.NewCount("%d warning", "%d warnings", "%d waarschuwing", "%d waarschuwingen")
	msgBuildNoDeviation = message.New("no rule is switched off or lowered by the configuration",
		"de instellingen zetten geen regel uit en verlagen er geen")
	msgBuildDeviations = message.NewCount("%d rule switched off or lowered by the configuration (the site lists each with its reason):",
		"%d rules switched off or lowered by the configuration (the site lists each with its reason):",
		"%d regel uitgezet of verlaagd door de instellingen (de site noemt bij elke regel de reden):",
		"%d regels uitgezet of verlaagd door de instellingen (de site noemt bij elke regel de reden):")
	msgBuildSettings = message.NewCount("%d setting of the checklist set away from its default (the site lists it):",
		"%d settings of the checklist set away from their defaults (the site lists each):",
		"%d instelling van de toets anders dan standaard (de site noemt haar):",
		"%d instellingen van de toets anders dan standaard (de site noemt ze):")
	msgDeviation           = message.New("%s: %s (default %s), set in %s", "%s: %s (standaard %s), ingesteld in %s")
	msgDeviationRefused    = message.New("; refused: the rule follows from law (%s) and still runs", "; geweigerd: de regel volgt uit de wet (%s) en blijft gelden")
	msgDeviationPolicyOnly = message.New("; only its policy part: %s it follows from law (%s) and still runs",
		"; alleen het beleidsdeel: %s volgt de regel uit de wet (%s) en blijft gelden")
	msgDeviationNoReason = message.New("; no reason given", "; geen reden gegeven")
	msgDeviationReason   = message.New("; reason: %s", "; reden: %s")
	msgQualityUnread     = message.NewCount("%d record file could not be read; the report counts it as a record that fills no field and satisfies no principle; run 'register validate':",
		"%d record files could not be read; the report counts each as a record that fills no field and satisfies no principle; run 'register validate':",
		"%d registratiebestand kon niet worden gelezen; het rapport telt het als een registratie die geen veld invult en aan geen principe voldoet; voer 'register validate' uit:",
		"%d registratiebestanden konden niet worden gelezen; het rapport telt elk als een registratie die geen veld invult en aan geen principe voldoet; voer 'register validate' uit:")
	msgQualityUnreadWhy = message.New("the file did not load as a record", "het bestand is niet als registratie ingelezen")
)
