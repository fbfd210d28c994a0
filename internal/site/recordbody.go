package site

import "html/template"

// The content of a record page around its sections: name, status, summary,
// the checklist, related records and history. Written here rather than by a
// template for the reason pieces.go gives: it is on every record page, and
// executing it was a quarter of a page's CPU. The escaping is pieces.go's,
// and a test holds this writer to the template it replaced, on hostile
// text (recordbody_test.go).

// appendRecordBody appends the content of a record page, in its language.
func appendRecordBody(b []byte, r *recordBody) []byte {
	lang := r.Lang
	b = append(b, `<p class="kicker">`...)
	b = appendText(b, r.KindLabel)
	b = append(b, " · "...)
	b = appendText(b, r.TypeLabel)
	b = append(b, "</p>\n<h1"...)
	b = appendLangAttr(b, r.NameLang)
	b = append(b, '>')
	b = appendText(b, r.Name)
	b = append(b, "</h1>\n"...)

	b = append(b, `<div class="record-meta"><p>`...)
	b = appendWord(b, lang, "status")
	b = append(b, ": "...)
	b = append(b, r.Status...)
	b = append(b, "</p><p>"...)
	b = appendWord(b, lang, "evalstatus")
	b = append(b, ": "...)
	b = appendSev(b, &r.Eval)
	b = append(b, "</p></div>\n"...)

	b = append(b, `<div class="summary"`...)
	b = appendLangAttr(b, r.SummaryLang)
	b = append(b, '>')
	if r.SummaryWithheld {
		b = appendWithheld(b, lang, &r.Held)
	} else {
		b = appendParas(b, r.Summary)
	}
	b = append(b, "</div>\n"...)

	if len(r.Withheld) > 0 {
		b = append(b, `<div class="notice"><p><span class="icon" aria-hidden="true">🔒</span>`...)
		b = appendWord(b, lang, "withheld")
		b = append(b, ": "...)
		for i, f := range r.Withheld {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendText(b, f)
		}
		b = append(b, '.')
		if r.WithheldWhy != "" {
			b = append(b, ' ')
			b = appendWord(b, lang, "reason")
			b = append(b, ": "...)
			b = appendText(b, r.WithheldWhy)
		}
		b = append(b, "</p></div>\n"...)
	}

	b = appendActions(b, lang, r)
	b = appendChecklist(b, lang, r)
	b = append(b, r.Sections...)
	b = appendRelated(b, lang, r)
	return appendHistory(b, lang, r)
}

// appendLangAttr appends a lang attribute when the text is in another
// language than the page (otherLang).
func appendLangAttr(b []byte, lang string) []byte {
	if lang == "" {
		return b
	}
	b = append(b, ` lang="`...)
	b = appendText(b, lang)
	return append(b, '"')
}

// appendSev appends a state with its symbol: "✓ Op tijd".
func appendSev(b []byte, s *sevView) []byte {
	b = append(b, `<span class="sev `...)
	b = appendText(b, s.Class)
	b = append(b, `"><span class="icon" aria-hidden="true">`...)
	b = appendText(b, s.Icon)
	b = append(b, "</span>"...)
	b = appendText(b, s.Text)
	return append(b, "</span>"...)
}

// appendActions appends the page's links: report an error, update the
// entry, the record's source (or that it is withheld).
func appendActions(b []byte, lang string, r *recordBody) []byte {
	// link appends <a START url END>word</a>.
	link := func(b []byte, start, url, end, word string) []byte {
		b = appendURL(append(b, start...), url, true)
		b = appendWord(append(b, end...), lang, word)
		return append(b, "</a>"...)
	}
	b = append(b, `<p class="actions">`...)
	if r.ReportURL != "" {
		b = link(b, `<a class="button" href="`, r.ReportURL, `">`, "reporterror")
	}
	if r.UpdateURL != "" {
		b = link(b, ` <a class="update-entry" href="`, r.UpdateURL, `">`, "notify.updatelink")
	}
	if r.SourceURL != "" {
		b = link(b, ` <a href="`, r.SourceURL, `" type="application/yaml">`, "source")
	} else {
		b = append(b, ` <span class="meta">`...)
		b = appendWord(b, lang, "sourcewithheld")
		b = append(b, "</span>"...)
	}
	return append(b, "</p>\n"...)
}

// appendChecklist appends the checklist's section: its lines (written
// by checklist), the principles without findings, and the
// municipality's deviations from the default rules.
func appendChecklist(b []byte, lang string, r *recordBody) []byte {
	b = append(b, `<section aria-labelledby="h-check" class="check"><h2 id="h-check">`...)
	b = appendWord(b, lang, "checklist")
	b = append(b, "</h2>\n"...)
	info := func(b []byte, word string) []byte {
		b = append(b, `<p><span class="sev sev-info"><span class="icon" aria-hidden="true">i</span>`...)
		b = appendWord(b, lang, word)
		return append(b, "</span></p>\n"...)
	}
	lines := func(b []byte, class string, ls []template.HTML) []byte {
		if len(ls) == 0 {
			return b
		}
		b = append(append(append(b, `<ul class="`...), class...), `">`...)
		for _, l := range ls {
			b = append(b, l...)
		}
		return append(b, "</ul>\n"...)
	}
	if !r.Checked {
		b = info(b, "notchecked")
	} else {
		b = lines(b, "findings", r.Problems)
		b = lines(b, "findings", r.Other)
		b = lines(b, "findings undisclosed", r.Undisclosed)
		if r.Unreadable {
			b = info(b, "noticksinvalid")
		}
		if r.CleanLinks != "" {
			b = append(b, `<details class="clean"><summary><span class="sev sev-ok"><span class="icon" aria-hidden="true">✓</span>`...)
			b = appendText(b, r.CleanText)
			b = append(b, "</span></summary><p>"...)
			b = append(b, r.CleanLinks...)
			b = append(b, ".</p></details>\n"...)
		}
		b = lines(b, "findings notchecked", r.NotChecked)
	}
	if len(r.Deviations) > 0 || len(r.Settings) > 0 {
		b = append(b, `<h3 id="h-deviations">`...)
		b = appendWord(b, lang, "deviations")
		b = append(b, "</h3>"...)
	}
	if len(r.Deviations) > 0 {
		b = append(b, "<p>"...)
		b = appendWord(b, lang, "deviationsintro")
		b = append(b, `</p><ul class="deviations">`...)
		for i := range r.Deviations {
			d := &r.Deviations[i]
			b = appendRefLink(append(b, "<li>"...), d.URL, d.Title, d.ID)
			b = append(b, ": "...)
			b = appendText(b, tf(lang, "dev.setting", d.Setting, d.Default))
			b = append(b, ' ')
			b = appendText(b, tf(lang, "dev.where", d.Where))
			b = append(b, ' ')
			b = appendWord(b, lang, "reason")
			b = append(b, ": "...)
			b = appendText(b, d.Reason)
			b = append(b, '.')
			if d.Note != "" {
				b = append(b, " <strong>"...)
				b = appendText(b, d.Note)
				b = append(b, "</strong>"...)
			}
			b = append(b, "</li>\n"...)
		}
		b = append(b, "</ul>\n"...)
	}
	if len(r.Settings) > 0 {
		b = append(b, "<p>"...)
		b = appendWord(b, lang, "dev.settingsintro")
		b = append(b, `</p><ul class="deviations">`...)
		for i := range r.Settings {
			st := &r.Settings[i]
			b = append(b, "<li><code>"...)
			b = appendText(b, st.Key)
			b = append(b, "</code>: "...)
			b = appendText(b, tf(lang, "dev.setting", st.Value, st.Default))
			b = append(b, ' ')
			b = appendText(b, tf(lang, "dev.where", st.Where))
			b = append(b, "</li>\n"...)
		}
		b = append(b, "</ul>\n"...)
	}
	return append(b, "</section>\n"...)
}

// appendRelated appends the sensors a record uses and the algorithms that
// use it, when there are any.
func appendRelated(b []byte, lang string, r *recordBody) []byte {
	if len(r.Uses) == 0 && len(r.UsedBy) == 0 {
		return b
	}
	b = append(b, `<section aria-labelledby="h-related"><h2 id="h-related">`...)
	b = appendWord(b, lang, "related")
	b = append(b, "</h2>\n"...)
	list := func(b []byte, word string, ls []relatedLink) []byte {
		if len(ls) == 0 {
			return b
		}
		b = append(b, "<h3>"...)
		b = appendWord(b, lang, word)
		b = append(b, "</h3><ul>"...)
		for i := range ls {
			l := &ls[i]
			b = append(b, "<li>"...)
			if l.URL != "" {
				b = append(b, `<a href="`...)
				b = appendURL(b, l.URL, true)
				b = append(b, `">`...)
				b = appendText(b, l.Name)
				b = append(b, "</a>"...)
			} else {
				b = appendText(b, l.Name)
			}
			b = append(b, ` <span class="meta">`...)
			b = appendText(b, l.Note)
			b = append(b, "</span></li>"...)
		}
		return append(b, "</ul>\n"...)
	}
	b = list(b, "uses_sensors_label", r.Uses)
	b = list(b, "usedby", r.UsedBy)
	return append(b, "</section>\n"...)
}

// appendHistory appends the record's history: a table of its changes,
// or that it has none.
func appendHistory(b []byte, lang string, r *recordBody) []byte {
	b = append(b, `<section aria-labelledby="h-history"><h2 id="h-history">`...)
	b = appendWord(b, lang, "history")
	b = append(b, "</h2>\n"...)
	if len(r.History) == 0 {
		b = append(b, "<p>"...)
		b = appendWord(b, lang, "nohistory")
		return append(b, "</p>\n</section>\n"...)
	}
	col := func(b []byte, word string) []byte {
		b = append(b, `<th scope="col">`...)
		b = appendWord(b, lang, word)
		return append(b, "</th>"...)
	}
	b = append(b, `<div class="table-wrap" role="region" tabindex="0" aria-labelledby="cap-history"><table><caption id="cap-history">`...)
	b = appendWord(b, lang, "changes")
	b = append(b, "</caption><thead><tr>"...)
	b = col(b, "date")
	b = col(b, "change")
	if r.ShowAuthors {
		b = col(b, "author")
	}
	b = append(b, "</tr></thead><tbody>"...)
	for i := range r.History {
		h := &r.History[i]
		b = append(b, `<tr><th scope="row">`...)
		b = appendTime(b, h.Date)
		b = append(b, "</th><td>"...)
		b = appendText(b, h.What)
		if h.Subject != "" {
			b = append(b, ": "...)
			b = appendText(b, h.Subject)
		}
		if h.Fields != "" {
			b = append(b, `<br><span class="meta">`...)
			b = appendWord(b, lang, "fieldschanged")
			b = append(b, ": "...)
			b = appendText(b, h.Fields)
			b = append(b, "</span>"...)
		}
		b = append(b, "</td>"...)
		if r.ShowAuthors {
			b = append(b, "<td>"...)
			b = appendText(b, h.Author)
			b = append(b, "</td>"...)
		}
		b = append(b, "</tr>"...)
	}
	return append(b, "</tbody></table></div>\n</section>\n"...)
}
