package acceptance

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The composite action in action.yml: every input it uses is declared, every
// run step names its shell, and the scripts it calls are there and
// executable.
func TestActionIsWellFormed(t *testing.T) {
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Name, Description string
		Inputs            map[string]any
		Runs              struct {
			Using string
			Steps []struct {
				Uses, Run, Shell, If string
				With, Env            map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	if action.Name == "" || action.Description == "" || action.Runs.Using != "composite" || len(action.Runs.Steps) == 0 {
		t.Fatalf("action.yml: %+v", action)
	}
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(string(data), -1) {
		if _, ok := action.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses inputs.%s, which it does not declare", m[1])
		}
	}
	for i, s := range action.Runs.Steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %d runs a script without naming its shell (a composite action must)", i)
		}
		for _, m := range regexp.MustCompile(`\$GITHUB_ACTION_PATH/(\S+\.sh)`).FindAllStringSubmatch(s.Run, -1) {
			st, err := os.Stat(filepath.Join("../..", m[1]))
			if err != nil || st.Mode()&0o111 == 0 {
				t.Errorf("step %d calls %s, which is missing or not executable (%v)", i, m[1], err)
			}
		}
	}
}

// The action's run script, as GitHub runs it: annotations on stdout, a SARIF
// file for code scanning, the report in the run's summary, and the
// command's exit code as the step's.
func TestActionRunScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	script, _ := filepath.Abs("../../action/run.sh")
	dir := workspace(t)
	summary := filepath.Join(dir, "summary.md")
	output := filepath.Join(dir, "output.txt")
	cmd := exec.Command(script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"REGISTER_COMMAND=check", "REGISTER_ROOT=register", "REGISTER_FAIL_ON=error", "REGISTER_SARIF=register.sarif",
		"GITHUB_STEP_SUMMARY="+summary, "GITHUB_OUTPUT="+output, "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		t.Fatalf("run.sh: %v\n%s", err, out)
	}
	if err == nil {
		t.Fatalf("run.sh passed a register with errors:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^::error file=register/`).Match(out) {
		t.Errorf("no annotations:\n%s", out)
	}
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []any `json:"results"`
		} `json:"runs"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "register.sarif"))
	if err != nil || json.Unmarshal(data, &sarif) != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) == 0 {
		t.Errorf("register.sarif: %v %s", err, data)
	}
	sum, _ := os.ReadFile(summary)
	if !strings.HasPrefix(string(sum), "## register check\n") || !strings.Contains(string(sum), "error") {
		t.Errorf("summary:\n%s", sum)
	}
	if o, _ := os.ReadFile(output); !strings.Contains(string(o), "sarif=register.sarif") {
		t.Errorf("outputs: %s", o)
	}
}

// The pre-commit hooks call commands that exist, the way pre-commit does.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Name, Entry, Language, Files string
		PassFilenames                    *bool `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) < 2 {
		t.Fatalf("%d hooks", len(hooks))
	}
	for _, h := range hooks {
		cmd, ok := strings.CutPrefix(h.Entry, "register ")
		if h.ID == "" || h.Language != "golang" || !ok {
			t.Errorf("hook %+v", h)
			continue
		}
		files := regexp.MustCompile(h.Files)
		if !files.MatchString("register/sensors/cam-markt.yaml") || files.MatchString("README.md") {
			t.Errorf("%s: files %q", h.ID, h.Files)
		}
		args := []string{cmd, "--root", "register"}
		if h.PassFilenames == nil || *h.PassFilenames {
			args = append(args, "register/sensors/"+firstRecord(t))
		}
		if r := run(t, workspace(t), nil, args...); r.code == 2 {
			t.Errorf("%s: %v exits 2:\n%s", h.ID, args, r.out())
		}
	}
}

func firstRecord(t *testing.T) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(stad, "sensors", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no sensors in the acceptance register")
	}
	return filepath.Base(files[0])
}

// What CI keeps between workflow runs is where the tool keeps its caches:
// after check, build and due in a Git register, every folder the tool
// added under .git is among the paths the composite action's cache step
// and the workflow of register init restore and save, so a push that
// changes a few records is checked warm, and a cache folder renamed in the
// tool is not left behind in CI.
func TestCIKeepsTheToolsCaches(t *testing.T) {
	dir := gitRepo(t)
	env := []string{"XDG_CACHE_HOME=" + filepath.Join(dir, "user-cache")}
	for _, args := range [][]string{
		{"check", "--root", "register", "--as-of", asOf},
		{"build", "--root", "register", "--as-of", asOf, "--out", filepath.Join(dir, "site")},
		{"due", "--root", "register", "--as-of", asOf},
	} {
		if r := run(t, dir, env, args...); r.code == 2 {
			t.Fatalf("%v: exit 2: %s", args, r.stderr)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, ".git"))
	if err != nil {
		t.Fatal(err)
	}
	var made []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "register-") {
			made = append(made, ".git/"+e.Name())
		}
	}
	if len(made) < 2 {
		t.Fatalf("the tool kept %v under .git; want its check and history caches", made)
	}
	action, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	init := run(t, dir, nil, "init", filepath.Join(dir, "new"), "--organisation", "Gemeente Proef")
	if init.code != 0 {
		t.Fatalf("init: %s", init.stderr)
	}
	workflow, err := os.ReadFile(filepath.Join(dir, "new", ".github", "workflows", "register.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"action.yml": string(action), "the workflow of register init": string(workflow)} {
		for _, m := range made {
			if !strings.Contains(text, m+"\n") {
				t.Errorf("%s does not keep %s between runs", name, m)
			}
		}
		if n := strings.Count(text, "uses: actions/cache@"); n == 0 {
			t.Errorf("%s keeps nothing between runs", name)
		}
	}
}
