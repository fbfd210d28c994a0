package principle

import (
	"fmt"
	celast "github.com/google/cel-go/common/ast"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/ext"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// Custom rules are written in CEL (Common Expression Language,
// github.com/google/cel-go): a small, side-effect-free expression language
// made for policies in configuration. It is type-checked when compiled, has
// no loops or I/O, and bounds the cost of each evaluation, so a rule in a
// municipality's register.yaml cannot hang or harm a CI run.

// customCostLimit bounds the work one evaluation of a custom rule may do.
const customCostLimit = 100_000

var ruleIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,62}$`)

// celEnv declares what an expression sees: the record, with its fields
// under their YAML keys (record.sensor_type, record.lifecycle.end), and
// today's date as YYYY-MM-DD text, which compares as a date. The record is
// a typed object rather than a map, so a misspelt field is an error when
// register.yaml is read instead of a rule that silently never matches, and
// has(record.field) is false for an absent or empty field.
func celEnv() (*cel.Env, error) {
	return cel.NewEnv(
		ext.NativeTypes(reflect.TypeFor[record.Record](), ext.ParseStructTag("json")),
		cel.Variable("record", cel.ObjectType("record.Record")),
		cel.Variable("today", cel.StringType),
	)
}

// CompileCustom turns the register's rules_custom into rules, compiling
// each expression once. A rule that cannot be used (no id, an id taken by
// another rule, an expression that does not compile) becomes a config
// finding pointing into register.yaml and is left out; the others run.
func CompileCustom(cfg *config.Config) ([]*Rule, []finding.Finding) {
	if len(cfg.RulesCustom) == 0 {
		return nil, nil
	}
	var fs []finding.Finding
	bad := func(ptr string, sev finding.Severity, e, n text) {
		fs = append(fs, worded(finding.Finding{File: config.FileName, Rule: finding.RuleConfig, Severity: sev, Path: ptr}, e, n))
	}
	env, err := celEnv()
	if err != nil {
		bad("/rules_custom", finding.Error, en("custom rules cannot run: "+err.Error(), "report this as a bug"),
			nl("De eigen regels kunnen niet worden uitgevoerd: "+err.Error(), "Meld dit als fout in het programma."))
		return nil, fs
	}
	seen := map[string]bool{}
	var rules []*Rule
	for i, c := range cfg.RulesCustom {
		at := fmt.Sprintf("/rules_custom/%d", i)
		id := strings.TrimSpace(c.ID)
		switch _, builtin := byID[id]; {
		case id == "":
			bad(at, finding.Error, en(fmt.Sprintf("custom rule %d has no id", i+1), "give it an id in kebab-case, such as drone-review"),
				nl(fmt.Sprintf("Eigen regel %d heeft geen naam (id).", i+1), "Geef de regel een id in kleine letters met streepjes, zoals drone-review."))
			continue
		case !ruleIDPattern.MatchString(id):
			bad(at+"/id", finding.Error, en(fmt.Sprintf("custom rule id %q is not kebab-case", id), "use lower-case letters, digits and hyphens, such as drone-review"),
				nl(fmt.Sprintf("De naam %q van een eigen regel is niet goed geschreven.", id), "Gebruik kleine letters, cijfers en streepjes, zoals drone-review."))
			continue
		case builtin || seen[id] || nonChecklist[id]:
			bad(at+"/id", finding.Error, en(fmt.Sprintf("custom rule id %q is already taken by another rule", id), "choose an id of its own; `register rules` lists the ids in use"),
				nl(fmt.Sprintf("De naam %q is al in gebruik voor een andere regel.", id), "Kies een eigen naam. `register rules` toont de namen die al in gebruik zijn."))
			continue
		}
		seen[id] = true
		sev := finding.Warning
		if !blank(c.Severity) {
			s, err := finding.ParseSeverity(c.Severity)
			if err != nil {
				bad(at+"/severity", finding.Error, en(fmt.Sprintf("custom rule %s: %v", id, err), "until it is fixed the rule reports warnings"),
					nl(fmt.Sprintf("Eigen regel %s: de ernst %q bestaat niet.", id, c.Severity), "Kies error, warning, info of off. Tot dit is verbeterd, geeft de regel waarschuwingen."))
			} else {
				sev = s
			}
		}
		var kind record.Kind
		switch c.Kind {
		case "", "both":
		case string(record.Sensor), string(record.Algorithm):
			kind = record.Kind(c.Kind)
		default:
			bad(at+"/kind", finding.Error, en(fmt.Sprintf("custom rule %s: kind %q is neither sensor nor algorithm", id, c.Kind), "write sensor, algorithm, or leave kind out for both"),
				nl(fmt.Sprintf("Eigen regel %s: soort %q is geen sensor en geen algoritme.", id, c.Kind), "Schrijf sensor of algorithm, of laat kind weg als de regel voor allebei geldt."))
			continue
		}
		if blank(c.Require) {
			bad(at, finding.Error, en(fmt.Sprintf("custom rule %s has no require expression", id), "add require: a CEL expression that a passing record makes true, such as has(record.reviews)"),
				nl(fmt.Sprintf("Eigen regel %s heeft geen voorwaarde (require).", id), "Vul require in: een CEL-uitdrukking die waar is voor een registratie die voldoet, zoals has(record.reviews)."))
			continue
		}
		require, requireReads, err := compileBool(env, c.Require)
		if err != nil {
			bad(at+"/require", finding.Error, en(fmt.Sprintf("custom rule %s: require does not compile: %v", id, err), "write a CEL expression over record, such as has(record.reviews)"),
				nl(fmt.Sprintf("Eigen regel %s: de voorwaarde (require) is geen geldige uitdrukking: %v", id, err), "Schrijf een CEL-uitdrukking over record, zoals has(record.reviews)."))
			continue
		}
		var when cel.Program
		reads := requireReads
		if !blank(c.When) {
			var whenReads exprReads
			if when, whenReads, err = compileBool(env, c.When); err != nil {
				bad(at+"/when", finding.Error, en(fmt.Sprintf("custom rule %s: when does not compile: %v", id, err), `write a CEL expression over record, such as record.sensor_type == "drone"`),
					nl(fmt.Sprintf("Eigen regel %s: de toepassingsvoorwaarde (when) is geen geldige uitdrukking: %v", id, err), `Schrijf een CEL-uitdrukking over record, zoals record.sensor_type == "drone".`))
				continue
			}
			reads = reads.and(whenReads)
		}
		rule := customRule(c, id, sev, kind, when, require)
		rule.customReads = reads
		rules = append(rules, rule)
	}
	return rules, fs
}

// compileBool compiles an expression that must give true or false, and
// says which fields of the record it reads.
func compileBool(env *cel.Env, expr string) (cel.Program, exprReads, error) {
	ast, iss := env.Compile(expr)
	if iss.Err() != nil {
		// Keep "1:4: undefined field 'reviewz'" of each error, without the
		// source excerpt CEL draws under it. An error about the whole
		// expression (a size or nesting limit) has no place in it: CEL
		// writes -1:0, and the message is kept without it.
		var msgs []string
		for _, line := range strings.Split(iss.Err().Error(), "\n") {
			if m, ok := strings.CutPrefix(line, "ERROR: <input>:"); ok {
				if rest, ok := strings.CutPrefix(m, "-1:"); ok {
					_, msg, _ := strings.Cut(rest, ": ")
					msgs = append(msgs, msg)
					continue
				}
				msgs = append(msgs, "at "+m)
			}
		}
		return nil, exprReads{}, fmt.Errorf("%s", strings.Join(msgs, "; "))
	}
	if t := ast.OutputType(); !t.IsExactType(cel.BoolType) && !t.IsExactType(cel.DynType) {
		return nil, exprReads{}, fmt.Errorf("it gives a %s, not true or false", cel.FormatCELType(t))
	}
	prg, err := env.Program(ast, cel.CostLimit(customCostLimit), cel.EvalOptions(cel.OptTrackCost))
	return prg, readsOf(ast), err
}

// CustomRef is the principle a custom rule's findings cite: the one its
// entry names, else "custom".
func CustomRef(c config.CustomRule) string {
	if ref := strings.TrimSpace(c.Principle); ref != "" {
		return ref
	}
	return "custom"
}

// exprReads are the fields of a record (top-level YAML keys) a custom
// rule's expressions read; known is false when they cannot be told.
type exprReads struct {
	fields []string
	known  bool
}

// and is what two expressions read together.
func (a exprReads) and(b exprReads) exprReads {
	return exprReads{fields: append(slices.Clone(a.fields), b.fields...), known: a.known && b.known}
}

// readsOf tells the fields the checked expression reads: each use of the
// record must select one of its fields by name (record.sensor_type,
// has(record.reviews)); a record used otherwise (handed whole to a
// function, indexed, or a name the expression binds itself) may read any
// field, and the reads are not known.
func readsOf(a *cel.Ast) exprReads {
	var fields []string
	uses, selects, named := 0, 0, true
	celast.PostOrderVisit(a.NativeRep().Expr(), celast.NewExprVisitor(func(e celast.Expr) {
		switch e.Kind() {
		case celast.IdentKind:
			if e.AsIdent() == "record" {
				uses++
			}
		case celast.SelectKind:
			sel := e.AsSelect()
			if op := sel.Operand(); op.Kind() == celast.IdentKind && op.AsIdent() == "record" {
				selects++
				key, ok := yamlKeyOf[sel.FieldName()]
				fields = append(fields, key)
				named = named && ok
			}
		}
	}))
	return exprReads{fields: fields, known: named && uses == selects}
}

// yamlKeyOf maps the record's fields as expressions name them (their JSON
// names, celEnv) to their YAML keys.
var yamlKeyOf = func() map[string]string {
	m := map[string]string{}
	t := reflect.TypeFor[record.Record]()
	for i := range t.NumField() {
		f := t.Field(i)
		j, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		y, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if f.IsExported() && j != "" && j != "-" && y != "" && y != "-" {
			m[j] = y
		}
	}
	return m
}()

// customRule builds the rule for one entry of rules_custom.
func customRule(c config.CustomRule, id string, sev finding.Severity, kind record.Kind, when, require cel.Program) *Rule {
	ref := CustomRef(c)
	title := strings.TrimSpace(c.Title)
	if title == "" {
		title = id
	}
	// The municipality's own message and help are its own words, in
	// whatever language it wrote them: both languages show them.
	msg, msgNL := strings.TrimSpace(c.Message), strings.TrimSpace(c.Message)
	if msg == "" {
		msg = "the record does not meet the register's own rule: " + title
		msgNL = "De registratie voldoet niet aan een eigen regel van het register: " + title
	}
	help, helpNL := strings.TrimSpace(c.Help), strings.TrimSpace(c.Help)
	if help == "" {
		help = "see the rule " + id + " under rules_custom in register.yaml"
		helpNL = "Zie de regel " + id + " bij rules_custom in register.yaml."
	}
	// An expression that names today may judge a record differently on
	// any day; one that does not, never (its words, not its compiled form,
	// are searched: a mention anywhere, even in a string, counts).
	whenDated, requireDated := strings.Contains(c.When, "today"), strings.Contains(c.Require, "today")
	r := &Rule{ID: id, Ref: ref, Title: label.Text{title, title}, Default: sev, custom: true,
		Why: label.Text{
			"Een eigen regel van deze gemeente, vastgelegd in register.yaml.",
			"A rule of this municipality's own, written in register.yaml.",
		},
		Satisfy: label.Text{
			"Registraties waarvoor `when` geldt, maken `require` waar.\nwhen: " + c.When + "\nrequire: " + c.Require,
			"Records for which `when` holds make `require` true.\nwhen: " + c.When + "\nrequire: " + c.Require,
		},
	}
	r.Check = func(ctx *Context, rec *record.Record) []finding.Finding {
		if kind != "" && rec.Kind != kind {
			return nil
		}
		if !ctx.budget.left() {
			// Not evaluated is not a pass: the record says so at the
			// rule's severity, so no page ticks the rule's principle.
			ctx.budget.skip(id, rec)
			return []finding.Finding{notEvaluated(id, ctx.Config.Limits.CustomRulesCost)}
		}
		vars := map[string]any{"record": rec, "today": period.Format(ctx.day.today)}
		if when != nil {
			if whenDated {
				ctx.Today()
			}
			ok, err := ctx.budget.evalBool(when, vars)
			if err != nil && !missingKey(err) {
				return []finding.Finding{evalFailed(id, "when", err)}
			}
			if !ok {
				return nil
			}
		}
		if requireDated {
			ctx.Today()
		}
		ok, err := ctx.budget.evalBool(require, vars)
		if err != nil && !missingKey(err) {
			return []finding.Finding{evalFailed(id, "require", err)}
		}
		if ok {
			return nil
		}
		return []finding.Finding{worded(finding.Finding{}, en(msg, help), nl(msgNL, helpNL))}
	}
	return r
}

// notEvaluated is the finding on a record whose custom rule id the run's
// cost limit skipped: at the rule's severity, as it was not shown to pass.
func notEvaluated(id string, limit uint64) finding.Finding {
	return worded(finding.Finding{},
		en(fmt.Sprintf("custom rule %s was not evaluated on this record: the custom rules used up this run's cost limit (limits.custom_rules_cost: %d) before it", id, limit),
			"make the expensive custom rule cheaper, or raise limits.custom_rules_cost in register.yaml"),
		nl(fmt.Sprintf("Eigen regel %s is voor deze registratie niet getoetst: de eigen regels hadden de rekenlimiet van deze controle al opgebruikt (limits.custom_rules_cost: %d).", id, limit),
			"Maak de zware eigen regel lichter, of verhoog limits.custom_rules_cost in register.yaml."))
}

// evalFailed is the warning for an expression (when or require) of a custom
// rule that failed on a record.
func evalFailed(id, which string, err error) finding.Finding {
	return worded(finding.Finding{Severity: finding.Warning},
		en(fmt.Sprintf("custom rule %s: %s could not be evaluated on this record: %v", id, which, err),
			"make the expression handle this record, for example with has(record.field) before using the field"),
		nl(fmt.Sprintf("Eigen regel %s: %s kon voor deze registratie niet worden uitgerekend: %v", id, which, err),
			"Zorg dat de uitdrukking ook voor deze registratie werkt, bijvoorbeeld met has(record.field) voordat u het veld gebruikt."))
}

// evalBool runs a compiled expression and charges its cost to the run's
// budget. A field the record lacks makes it false (with the error, so the
// caller can tell).
func (b *costBudget) evalBool(p cel.Program, vars map[string]any) (bool, error) {
	out, det, err := p.Eval(vars)
	if det != nil {
		if c := det.ActualCost(); c != nil {
			b.spend(*c)
		}
	}
	if err != nil {
		return false, err
	}
	v, ok := out.Value().(bool)
	if !ok {
		return false, fmt.Errorf("it gave %v, not true or false", out.Value())
	}
	return v, nil
}

// missingKey reports whether an evaluation failed only because the record
// lacks what the expression reads (a map key or a list item): such a record
// neither matches when nor satisfies require.
func missingKey(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "no such key") || strings.Contains(msg, "index out of")
}

// costBudget is what all custom rules together may spend in one run: each
// evaluation is bounded (customCostLimit), but ten thousand records times
// a rule near that bound would still take minutes.
type costBudget struct {
	limit, spent uint64
	skipped      int      // evaluations skipped once the budget ran out
	first        []string // the rule and record where it ran out
}

func newBudget(limit uint64) *costBudget { return &costBudget{limit: limit} }

func (b *costBudget) left() bool { return b == nil || b.spent < b.limit }

func (b *costBudget) spend(c uint64) {
	if b != nil {
		b.spent += c
	}
}

func (b *costBudget) skip(rule string, rec *record.Record) {
	if b.skipped == 0 {
		b.first = []string{rule, rec.ID}
	}
	b.skipped++
}

// finding reports a run whose custom rules stopped at the budget: the
// check is incomplete, so it is an error.
func (b *costBudget) finding() []finding.Finding {
	if b == nil || b.skipped == 0 {
		return nil
	}
	f := finding.Finding{File: config.FileName, Rule: finding.RuleConfig, Severity: finding.Error, Path: "/rules_custom"}
	return []finding.Finding{worded(f,
		en(fmt.Sprintf("the custom rules used up this run's cost limit (limits.custom_rules_cost: %d) at rule %s on record %s; %d more evaluations were skipped, so those records were not checked against them",
			b.limit, b.first[0], b.first[1], b.skipped),
			"make the expensive rule cheaper (a when that selects fewer records, fewer comprehensions over lists), or raise limits.custom_rules_cost in register.yaml"),
		nl(fmt.Sprintf("De eigen regels hebben de rekenlimiet van deze controle opgebruikt (limits.custom_rules_cost: %d), bij regel %s en registratie %s. %d controles zijn overgeslagen; die registraties zijn dus niet aan de eigen regels getoetst.",
			b.limit, b.first[0], b.first[1], b.skipped),
			"Maak de zware regel lichter (een when die minder registraties kiest, minder herhalingen over lijsten), of verhoog limits.custom_rules_cost in register.yaml."))}
}
