package packet

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the packet as Markdown, for a secretary who pastes it
// into an agenda system or a wiki. Every text from a record, the
// configuration or the command line is escaped (and kept on one line where a
// line break would end a heading, list item or table row), so none can add
// links, images or HTML to the packet.
func WriteMarkdown(w io.Writer, p *Packet) error {
	b := bufio.NewWriter(w)
	mdCover(b, p)
	mdAgenda(b, p)
	for i, it := range p.Items {
		mdItem(b, p.L, i, it, p.Subjects)
	}
	mdAppendix(b, p)
	fmt.Fprintf(b, "---\n\n*%s · %s*\n", mdCell(p.L.Made), mdCell(p.Meeting))
	return b.Flush()
}

// mdCover writes the title, what the packet is made from, and its notes.
func mdCover(b *bufio.Writer, p *Packet) {
	L := p.L
	fmt.Fprintf(b, "# %s\n\n", mdCell(p.Title))
	fmt.Fprintf(b, "**%s**\n\n", mdCell(p.Committee))
	meta := [][2]string{{L.Meeting, mdCell(p.Meeting)}}
	if p.Organisation != "" {
		meta = append(meta, [2]string{L.Organisation, mdCell(p.Organisation)})
	}
	meta = append(meta, [2]string{L.Register, "`" + mdCode(p.Register) + "`"})
	if p.Commit != "" {
		c := "`" + p.Commit + "`"
		if p.Dirty {
			c += " (" + L.Uncommitted + ")"
		}
		meta = append(meta, [2]string{L.Commit, c})
	}
	if p.Since != "" {
		meta = append(meta, [2]string{L.ComparedWith, mdCell(p.Since)})
	}
	meta = append(meta, [2]string{L.Window, mdCell(p.Window)}, [2]string{L.Counts, mdCell(p.CountText())})
	for _, m := range meta {
		fmt.Fprintf(b, "- **%s:** %s\n", m[0], m[1])
	}
	b.WriteString("\n")
	if p.HistoryNote != "" {
		fmt.Fprintf(b, "> %s\n\n", mdCell(p.HistoryNote))
	}
	if p.Notice != "" {
		fmt.Fprintf(b, "> **%s**\n\n", mdCell(p.Notice))
	}
}

// mdAgenda writes the agenda, the records removed, the deviations from the
// default settings and the advice that waits for a response.
func mdAgenda(b *bufio.Writer, p *Packet) {
	L := p.L
	fmt.Fprintf(b, "## %s\n\n", L.Agenda)
	if len(p.Items) == 0 {
		fmt.Fprintf(b, "%s\n\n", L.NothingOnAgenda)
	} else {
		mdTable(b, []string{"#", L.Record, L.Kind, L.Why}, func(row func(...string)) {
			for i, it := range p.Items {
				why := mdCell(it.ReasonText)
				if it.Confidential != "" {
					why += " **" + mdCell(it.Confidential) + "**"
				}
				row(fmt.Sprint(i+1), fmt.Sprintf("[%s](#%s) (`%s`)", mdCell(recordName(it.Record)), it.Anchor, mdCode(it.Record.ID)),
					mdCell(it.Kind), why)
			}
		})
	}
	if len(p.Removed) > 0 {
		fmt.Fprintf(b, "### %s\n\n%s\n\n", L.RemovedTitle, L.RemovedIntro)
		for _, r := range p.Removed {
			fmt.Fprintf(b, "- `%s`\n", mdCode(r.File))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "### %s\n\n", L.DeviationsT)
	if len(p.Deviations) == 0 {
		fmt.Fprintf(b, "%s\n\n", L.NoDeviations)
	} else {
		fmt.Fprintf(b, "%s\n\n", L.DeviationsIntro)
		for _, d := range p.Deviations {
			fmt.Fprintf(b, "- %s\n", mdCell(d))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "### %s\n\n%s\n\n", p.AdviceTitle(), p.AdviceIntro())
	for _, a := range p.OpenAdvice {
		fmt.Fprintf(b, "- %s\n", mdCell(a))
	}
	if len(p.OpenAdvice) > 0 {
		b.WriteString("\n")
	}
}

// mdItem writes the section of the i-th record on the agenda.
func mdItem(b *bufio.Writer, L *Labels, i int, it *Item, subjects bool) {
	fmt.Fprintf(b, "<a id=\"%s\"></a>\n\n## %d. %s\n\n", mdCode(it.Anchor), i+1, mdCell(recordName(it.Record)))
	fmt.Fprintf(b, "%s · `%s` · *%s*\n\n", mdCell(it.Kind), mdCode(it.Record.ID), mdCell(it.ReasonText))
	if it.Confidential != "" {
		fmt.Fprintf(b, "> **%s**\n\n", mdCell(it.Confidential))
	}

	fmt.Fprintf(b, "### %s\n\n", L.KeyFacts)
	for _, f := range it.Facts {
		fmt.Fprintf(b, "- **%s** %s\n", mdCell(withColon(f.Label)), mdIndent(mdText(f.Value)))
	}
	b.WriteString("\n")

	mdSection(b, L.FindingsT, L.NoFindings, len(it.Findings), []string{L.Severity, L.Rule, L.Principle, L.Message}, func(row func(...string)) {
		for _, f := range it.Findings {
			msg := mdCell(f.Message)
			if f.Help != "" {
				msg += " *" + mdCell(f.Help) + "*"
			}
			row(mdCell(f.Level), mdCell(f.Title)+" (`"+mdCode(f.Rule)+"`)", mdCell(f.Principle), msg)
		}
	})
	mdSection(b, L.DueT, L.NoDue, len(it.Due), []string{L.Date, L.What, L.State, L.Detail}, func(row func(...string)) {
		for _, d := range it.Due {
			row(mdCell(d.Date), mdCell(d.What), mdCell(d.State), mdCell(d.Detail))
		}
	})
	mdChanges(b, L, it, subjects)
	mdSection(b, L.ExceptionsT, L.NoExceptions, len(it.Exceptions), []string{L.Rule, L.Reason, L.ApprovedBy, L.Until, L.State}, func(row func(...string)) {
		for _, e := range it.Exceptions {
			row(mdCell(e.Rule), mdCell(e.Reason), mdCell(e.ApprovedBy), mdCell(e.Until), mdCell(e.State))
		}
	})

	fmt.Fprintf(b, "### %s\n\n", L.QuestionsT)
	if len(it.Questions) == 0 {
		fmt.Fprintf(b, "%s\n\n", L.NoQuestions)
	} else {
		for j, q := range it.Questions {
			fmt.Fprintf(b, "%d. %s\n", j+1, mdCell(q))
		}
		b.WriteString("\n")
	}
	if it.Confidential != "" {
		fmt.Fprintf(b, "> **%s**\n\n", mdCell(it.Confidential))
	}
}

// mdSection writes a heading and a table of n rows under it, or the text
// that says there are none.
func mdSection(b *bufio.Writer, title, none string, n int, head []string, rows func(row func(...string))) {
	fmt.Fprintf(b, "### %s\n\n", title)
	if n == 0 {
		fmt.Fprintf(b, "%s\n\n", none)
		return
	}
	mdTable(b, head, rows)
}

// mdChanges writes what changed in a record since the previous packet: a
// note, the fields and the commits.
func mdChanges(b *bufio.Writer, L *Labels, it *Item, subjects bool) {
	fmt.Fprintf(b, "### %s\n\n", L.ChangesT)
	if it.ChangeNote != "" {
		fmt.Fprintf(b, "%s\n\n", mdCell(it.ChangeNote))
	}
	if len(it.Changes) > 0 {
		mdTable(b, []string{L.Field, L.Change, L.Old, L.New}, func(row func(...string)) {
			for _, c := range it.Changes {
				row(mdCell(c.Field), mdCell(c.Change), mdCell(c.Old), mdCell(c.New))
			}
		})
	}
	if len(it.Commits) > 0 {
		head := []string{L.Date, "Commit", L.Subject}
		if !subjects {
			head = head[:2]
		}
		mdTable(b, head, func(row func(...string)) {
			for _, c := range it.Commits {
				cells := []string{mdCell(c.Date), "`" + mdCode(c.Commit) + "`", mdCell(c.Subject)}
				row(cells[:len(head)]...)
			}
		})
	}
}

// mdAppendix writes the principles the findings cite, with their rules.
func mdAppendix(b *bufio.Writer, p *Packet) {
	if len(p.Principles) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n%s\n\n", p.L.AppendixT, p.L.AppendixIntro)
	for _, pr := range p.Principles {
		title := mdCell(pr.Ref)
		if pr.Label != "" {
			title += ": " + mdCell(pr.Label)
		}
		fmt.Fprintf(b, "### %s\n\n", title)
		for _, r := range pr.Rules {
			fmt.Fprintf(b, "- **%s** (`%s`)", mdCell(r.Title), mdCode(r.ID))
			if r.Why != "" {
				fmt.Fprintf(b, ". %s", mdCell(r.Why))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
}

// withColon ends a fact's label with a colon, unless it is a question.
func withColon(s string) string {
	if strings.HasSuffix(s, "?") {
		return s
	}
	return s + ":"
}

// mdTable writes a table with a header row; rows are added through row.
func mdTable(b *bufio.Writer, head []string, rows func(row func(...string))) {
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	for range head {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	rows(func(cells ...string) { b.WriteString("| " + strings.Join(cells, " | ") + " |\n") })
	b.WriteString("\n")
}

// mdEscaper escapes the characters that Markdown or its HTML would read as
// markup, so record text prints as text.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;",
	"#", `\#`, "|", `\|`, "!", `\!`, "&", "&amp;", "~", `\~`,
)

func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCell escapes text for a table cell, where a line break would end the row.
func mdCell(s string) string {
	return strings.Join(strings.Fields(mdText(s)), " ")
}

// mdIndent keeps a multi-line value inside its list item.
func mdIndent(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", "  \n  ") }

// mdCode makes text safe inside an inline code span, on one line.
func mdCode(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "`", "'")), " ")
}
