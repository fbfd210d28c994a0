package cli

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/pipeline"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/site"
	"github.com/voorbeeldstad/register/internal/watch"
)

// serveOptions are the flags of register serve.
type serveOptions struct {
	*App
	addr string
	asOf dateFlag
	poll time.Duration
	// ctx ends the server; the command's context, stopped by Ctrl+C, kill
	// or a closed terminal.
	ctx context.Context
}

func newServeCmd(a *App, runF func(*serveOptions) error) *cobra.Command {
	o := &serveOptions{App: a}
	if runF == nil {
		runF = runServe
	}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: a.say(msgServeShort),
		Long:  a.say(msgServeLong),
		Example: `  register serve
  register serve --root register --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			// A closed terminal (SIGHUP) stops serve as Ctrl+C and kill
			// do: the deferred clean-up then removes the site it built.
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			defer stop()
			o.ctx = ctx
			return runF(o)
		},
	}
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8080", a.say(msgServeAddrUsage))
	cmd.Flags().Var(&o.asOf, "as-of", a.say(msgServeAsOfUsage))
	cmd.Flags().DurationVar(&o.poll, "poll", time.Second, a.say(msgServePollUsage))
	return cmd
}

// runServe serves the preview until o.ctx ends.
func runServe(o *serveOptions) error {
	today, err := o.today(o.asOf)
	if err != nil {
		return err
	}
	if o.poll <= 0 {
		return usageText(msgServePoll)
	}
	return o.serve(o.ctx, o.addr, o.poll, func() time.Time {
		if o.asOf.given {
			return today
		}
		return period.Today(o.Now())
	})
}

// serve runs the preview server until ctx ends.
func (a *App) serve(ctx context.Context, addr string, poll time.Duration, today func() time.Time) error {
	if ctx == nil {
		ctx = context.Background()
	}
	tmp, err := os.MkdirTemp("", "register-site-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")

	ps := a.newPreviewSite(out, today)
	// Watching starts before the first build, so an edit made while it
	// runs is seen.
	w := watch.New(a.Root(), watch.Options{Poll: poll})
	defer w.Close()
	if err := ps.rebuild(); err != nil {
		return err
	}
	// The server sends the policy of the first build; a changed tiles_url
	// needs a restart of serve.
	csp, err := site.CSP(ps.tiles)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usageText(msgServeListen, addr, err)
	}
	srv := &http.Server{Handler: site.PreviewHandler(out, csp, ps.preview), ReadHeaderTimeout: 5 * time.Second}
	a.sayln(a.Out, msgServeServing, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	err = a.follow(ctx, ps, w, poll, errc)
	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = srv.Shutdown(shut)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// follow rebuilds ps after each change w tells of, until ctx ends (nil)
// or the server stops (its error, from stopped).
func (a *App) follow(ctx context.Context, ps *previewSite, w *watch.Watcher, poll time.Duration, stopped <-chan error) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-stopped:
			return err
		case n := <-w.Notes():
			a.watchNote(n, poll)
		case <-w.Changes():
			if err := ps.rebuild(); err != nil {
				a.note(a.say(msgServeRebuildError, err))
			}
		}
	}
}

// watchNote says what the watcher had to say: a problem with the
// register's files (once, until it changes; the watching goes on), or that
// it now looks at every file each poll.
func (a *App) watchNote(n watch.Note, poll time.Duration) {
	switch {
	case n.Polling != nil:
		a.warn(msgServePolling, n.Polling, poll)
	case n.Problem != "":
		a.warn(msgServeUnwatched, n.Problem)
	}
}

// previewSite is the site serve keeps up to date.
type previewSite struct {
	a     *App
	out   string
	today func() time.Time
	// keep keeps the register loaded between builds (a rebuild reads only
	// the files that changed) and what the site worked out of it.
	keep *buildKeep
	// preview tells the open pages to reload after each build, and what
	// went wrong.
	preview *site.Preview
	// tiles is the map's tile URL as the last build read it.
	tiles string
	// seen are the records of the build before: a record not among them
	// was read afresh (the reloader keeps a record whose file did not
	// change), and one gone from them was removed.
	seen map[*record.Record]bool
	// shown are the pages the last build showed before the rest of the
	// site, by site path (nil: gone); changed the pages it changed, as an
	// open page saw them; known is false when that could not be told.
	shown   map[string][]byte
	changed []string
	known   bool
	// release lets the collector go again once the pages shown first
	// are (pipeline.HoldCollector).
	release func()
}

// earlyLimit is the most records whose pages a rebuild shows before the
// rest of the site: more is not one steward's save (a changed
// configuration reloads every record), and the whole build follows.
const earlyLimit = 16

func (a *App) newPreviewSite(out string, today func() time.Time) *previewSite {
	ps := &previewSite{a: a, out: out, today: today, keep: &buildKeep{reload: pipeline.NewReloader(a.Root()), memo: &site.Memo{}}, preview: &site.Preview{}}
	ps.keep.write = ps.write
	return ps
}

// rebuild builds the site again from the register as it is now.
func (ps *previewSite) rebuild() error {
	a := ps.a
	start := time.Now()
	ps.shown, ps.changed, ps.known = nil, nil, false
	if ps.seen != nil { // the first build shows nothing first
		ps.release = pipeline.HoldCollector()
		defer ps.release()
	}
	st, res, _, err := a.buildSite(ps.out, ps.today(), true, ps.keep)
	if err != nil {
		ps.preview.Failed(a.say(msgServePreviousSite) + "\n" + a.errorText(err))
		return err
	}
	a.sayln(a.Out, msgServeBuilt, time.Now().Format("15:04:05"), st.Pages, time.Since(start).Seconds())
	if st.Keyless != nil && ps.seen == nil {
		a.warn(msgSiteKeyless, st.Keyless)
	}
	if ps.known {
		ps.preview.BuiltPages(loadProblems(res, a.ui()), ps.changed)
	} else {
		ps.preview.Built(loadProblems(res, a.ui()))
	}
	a.reportQuoting(st.Quoting)
	_ = a.reportUnread(res)
	if res.Register.Config != nil {
		ps.tiles = res.Register.Config.Site.TilesURL
	}
	return nil
}

// write writes the prepared site of reg: first the pages of the records
// that changed since the build before, shown at once, then the whole site.
// It notes which pages changed for an open page: those shown first count
// only when the site then differs from what was shown.
func (ps *previewSite) write(reg *register.Register, prep *site.Prepared) (site.Stats, error) {
	ps.shown = ps.earlyPages(reg, prep)
	if len(ps.shown) > 0 {
		ps.preview.Early(ps.shown)
	}
	if ps.release != nil {
		ps.release()
	}
	st, err := prep.Build()
	if err != nil {
		return st, err
	}
	ps.changed, ps.known = prep.Changed()
	if ps.known && len(ps.shown) > 0 {
		ps.changed = slices.DeleteFunc(ps.changed, func(p string) bool {
			page, ok := ps.shown[p]
			return ok && ps.holds(p, page)
		})
	}
	return st, nil
}

// earlyPages renders the pages of the records read afresh or removed
// since the build before, in every language, by site path (nil: gone); none
// on the first build or when too many changed.
func (ps *previewSite) earlyPages(reg *register.Register, prep *site.Prepared) map[string][]byte {
	now := make(map[*record.Record]bool, len(reg.Records))
	var changed []*record.Record
	for _, r := range reg.Records {
		now[r] = true
		if !ps.seen[r] {
			changed = append(changed, r)
		}
	}
	for r := range ps.seen {
		if !now[r] {
			changed = append(changed, r)
		}
	}
	first := ps.seen == nil
	ps.seen = now
	if first || len(changed) == 0 || len(changed) > earlyLimit {
		return nil
	}
	pages, err := prep.RecordPages(changed)
	if err != nil {
		return nil // the build says what is wrong
	}
	return pages
}

// holds reports whether the site serve shows holds page at the site path
// p (nil: no file there).
func (ps *previewSite) holds(p string, page []byte) bool {
	data, err := os.ReadFile(filepath.Join(ps.out, filepath.FromSlash(p)))
	if page == nil {
		return errors.Is(err, fs.ErrNotExist)
	}
	return err == nil && bytes.Equal(data, page)
}

// loadProblems lists the errors found while loading, one per line, in
// lang, for the preview's pages to show; "" when there are none.
func loadProblems(res *load.Result, lang string) string {
	var lines []string
	for _, f := range res.Findings {
		if f.Severity == finding.Error {
			msg, _ := f.Text(lang)
			lines = append(lines, f.Position()+": "+msg)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	if len(lines) > 20 {
		lines = append(lines[:20], strings.TrimLeft(msgLoadErrorsMore.Format(lang, len(lines)-20), " "))
	}
	return strings.Join(append([]string{msgServeRegisterErrors.In(lang)}, lines...), "\n")
}
