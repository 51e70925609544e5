package fee

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/fee"
	"huiguan/domain/identity"
)

// figures computes a year's disclosure from the bills and the fund.
func (s *Service) figures(ctx context.Context, year int) (fee.Figures, error) {
	tiers, err := s.store.YearFigures(ctx, year)
	if err != nil {
		return fee.Figures{}, err
	}
	names, err := s.registry.TierNames(ctx)
	if err != nil {
		return fee.Figures{}, err
	}
	f := fee.Figures{Tiers: tiers}
	for i := range f.Tiers {
		f.Tiers[i].TierName = names[f.Tiers[i].TierID]
		f.BilledFen += f.Tiers[i].BilledFen
		f.CollectedFen += f.Tiers[i].CollectedFen
	}
	f.CollectionRateBP = fee.CollectionRate(f.CollectedFen, f.BilledFen)
	inYear, err := s.store.FundTotals(ctx, year, true)
	if err != nil {
		return fee.Figures{}, err
	}
	before, err := s.store.FundTotals(ctx, year-1, false)
	if err != nil {
		return fee.Figures{}, err
	}
	f.IncomeFen, f.ExpenseFen, f.ExpensesByCategory = inYear.IncomeFen, inYear.ExpenseFen, inYear.ExpensesByCategory
	f.BroughtForwardFen = before.IncomeFen - before.ExpenseFen
	f.CarriedForwardFen = f.BroughtForwardFen + f.IncomeFen - f.ExpenseFen
	f.MainUseShareBP, f.HasExpenses = fee.MainUseShare(f.ExpensesByCategory)
	return f, nil
}

// DraftDisclosure drafts (or redrafts, while not yet approved) the year's
// disclosure from the ledger. Once published, a change is a revision.
func (s *Service) DraftDisclosure(ctx context.Context, year int) (fee.Disclosure, error) {
	if year < fee.MinYear || year > fee.MaxYear {
		return fee.Disclosure{}, errs.Field("year", "year")
	}
	var d fee.Disclosure
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		figures, err := s.figures(ctx, year)
		if err != nil {
			return err
		}
		latest, err := s.store.LatestDisclosure(ctx, year)
		switch {
		case errors.Is(err, errs.ErrNotFound):
			d = fee.Disclosure{Year: year, Version: 1}
		case err != nil:
			return err
		case latest.Status == fee.Published:
			return errs.Rule("disclosure.published_use_revision", "")
		case latest.Status == fee.Approved:
			return errs.Rule("disclosure.approved", "")
		default:
			d = latest
		}
		d.Status, d.Figures, d.Author, d.DraftedAt = fee.Draft, figures, principal(ctx), s.clock.Now()
		d.Verifier, d.VerifiedAt = "", nil
		if err := s.store.SaveDisclosure(ctx, &d); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "disclosure.draft", Entity: "disclosure", EntityKey: key(d), After: d.Figures})
	})
	return d, err
}

func key(d fee.Disclosure) string { return strconv.Itoa(d.Year) + "/v" + strconv.Itoa(d.Version) }

// ReviseDisclosure starts a new version of a published disclosure.
func (s *Service) ReviseDisclosure(ctx context.Context, year int, note string) (fee.Disclosure, error) {
	var d fee.Disclosure
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		latest, err := s.store.LatestDisclosure(ctx, year)
		if err != nil {
			return notFound(err, "disclosure")
		}
		figures, err := s.figures(ctx, year)
		if err != nil {
			return err
		}
		if d, err = latest.Revise(note, principal(ctx), figures, s.clock.Now()); err != nil {
			return err
		}
		if err := s.store.SaveDisclosure(ctx, &d); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "disclosure.revise", Entity: "disclosure", EntityKey: key(d), After: map[string]any{"note": d.ChangeNote}})
	})
	return d, err
}

// AdvanceDisclosure verifies, approves or publishes the year's latest
// version. Approval is the board's (会长办公会); publication replaces any
// earlier published version, which stays readable in the history.
func (s *Service) AdvanceDisclosure(ctx context.Context, year int, step string) (fee.Disclosure, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return fee.Disclosure{}, err
	}
	var d fee.Disclosure
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if d, err = s.store.LatestDisclosure(ctx, year); err != nil {
			return notFound(err, "disclosure")
		}
		now := s.clock.Now()
		switch step {
		case "verify":
			err = d.Verify(p.Username, now)
		case "approve":
			if !p.HasRole(identity.BoardRole) {
				return errs.Forbidden("disclosure.board_only")
			}
			err = d.Approve(p.Username, now)
		case "publish":
			err = d.Publish(p.Username, now)
		default:
			return errs.NotFound("route")
		}
		if err != nil {
			return err
		}
		if step == "publish" && d.Version > 1 {
			prev, err := s.store.Disclosure(ctx, year, d.Version-1)
			if err != nil {
				return err
			}
			prev.Status = fee.Replaced
			if err := s.store.SaveDisclosure(ctx, &prev); err != nil {
				return err
			}
		}
		if err := s.store.SaveDisclosure(ctx, &d); err != nil {
			return err
		}
		if err := s.recheck(ctx, RuleDisclosure, "fee_year", strconv.Itoa(year)); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "disclosure." + step, Entity: "disclosure", EntityKey: key(d), After: map[string]any{"status": d.Status}})
	})
	return d, err
}

// Disclosures lists every version (staff) or the published ones (members).
func (s *Service) Disclosures(ctx context.Context, publishedOnly bool) ([]fee.Disclosure, error) {
	return s.store.Disclosures(ctx, publishedOnly)
}

// Disclosure returns a version, or the latest (version 0); members may read
// only published versions.
func (s *Service) Disclosure(ctx context.Context, year, version int, publishedOnly bool) (fee.Disclosure, error) {
	var d fee.Disclosure
	var err error
	if version == 0 {
		if publishedOnly {
			list, err := s.store.Disclosures(ctx, true)
			if err != nil {
				return d, err
			}
			for _, x := range list {
				if x.Year == year && x.Status == fee.Published {
					return x, nil
				}
			}
			return d, errs.NotFound("disclosure")
		}
		d, err = s.store.LatestDisclosure(ctx, year)
	} else {
		d, err = s.store.Disclosure(ctx, year, version)
	}
	if err != nil {
		return d, notFound(err, "disclosure")
	}
	if publishedOnly && d.Status != fee.Published && d.Status != fee.Replaced {
		return fee.Disclosure{}, errs.NotFound("disclosure")
	}
	return d, nil
}

// SendFeedback records a member's question or objection about a published
// disclosure (the members' supervision of 8.1.1.3).
func (s *Service) SendFeedback(ctx context.Context, year int, kind, text string) (Feedback, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return Feedback{}, err
	}
	if p.MemberID == nil {
		return Feedback{}, errs.NotFound("member")
	}
	if kind != "question" && kind != "objection" {
		return Feedback{}, errs.Field("kind", "invalid")
	}
	if strings.TrimSpace(text) == "" || len([]rune(text)) > 2000 {
		return Feedback{}, errs.Field("text", "required")
	}
	d, err := s.Disclosure(ctx, year, 0, true)
	if err != nil {
		return Feedback{}, err
	}
	f := Feedback{Year: year, Version: d.Version, MemberID: *p.MemberID, Kind: kind, Text: strings.TrimSpace(text), Author: p.Username, CreatedAt: s.clock.Now()}
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.store.AddFeedback(ctx, &f); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "disclosure.feedback", Entity: "disclosure_feedback", EntityID: f.ID, After: f})
	})
	return f, err
}

// Feedback lists feedback on a year; a member-role principal sees its own.
func (s *Service) Feedback(ctx context.Context, year int) ([]Feedback, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return nil, err
	}
	return s.store.Feedback(ctx, year, p.UnitScope())
}

// ReplyFeedback answers a member's feedback (staff).
func (s *Service) ReplyFeedback(ctx context.Context, id int64, reply string) (Feedback, error) {
	if strings.TrimSpace(reply) == "" {
		return Feedback{}, errs.Field("reply", "required")
	}
	var f Feedback
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if f, err = s.store.FeedbackForUpdate(ctx, id); err != nil {
			return notFound(err, "feedback")
		}
		now := s.clock.Now()
		f.Reply, f.RepliedBy, f.RepliedAt = strings.TrimSpace(reply), principal(ctx), &now
		if err := s.store.SaveFeedbackReply(ctx, f); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "disclosure.reply", Entity: "disclosure_feedback", EntityID: f.ID, After: map[string]any{"reply": f.Reply}})
	})
	return f, err
}

// ---- arrears ----

// RemindArrears leaves a portal notice for every overdue bill, at most one
// per bill and month; the monthly job runs it.
func (s *Service) RemindArrears(ctx context.Context) (int, error) {
	today := s.today()
	month := today.Format("2006-01")
	created := 0
	for page := 1; ; page++ {
		list, err := s.store.Bills(ctx, BillFilter{Status: "overdue", Today: today}, app.Page{Page: page, PageSize: app.MaxPageSize})
		if err != nil {
			return created, err
		}
		for _, b := range list.Items {
			n := Notice{MemberID: b.MemberID, Kind: "arrears", Title: fmt.Sprintf("%d 年度会费待缴提醒", b.Year),
				Body:     fmt.Sprintf("账单 %s 尚有 ¥%s 未缴，应缴日期 %s。如已缴纳请忽略。", b.BillNo, fee.Yuan(b.OutstandingFen()), b.DueOn.In(shanghai).Format("2006-01-02")),
				DedupKey: fmt.Sprintf("arrears/%d/%s", b.ID, month), CreatedAt: s.clock.Now()}
			added, err := s.store.AddNotice(ctx, n)
			if err != nil {
				return created, err
			}
			if added {
				created++
			}
		}
		if len(list.Items) < app.MaxPageSize {
			return created, nil
		}
	}
}

// Notices lists the principal's unit's notices.
func (s *Service) Notices(ctx context.Context, p app.Page) (app.List[Notice], error) {
	pr, err := app.MustPrincipal(ctx)
	if err != nil {
		return app.List[Notice]{}, err
	}
	if pr.MemberID == nil {
		return app.List[Notice]{Page: p.Page, PageSize: p.PageSize}, nil
	}
	return s.store.Notices(ctx, *pr.MemberID, p)
}

// ReadNotice marks one of the principal's unit's notices read.
func (s *Service) ReadNotice(ctx context.Context, id int64) error {
	pr, err := app.MustPrincipal(ctx)
	if err != nil {
		return err
	}
	if pr.MemberID == nil {
		return errs.NotFound("notice")
	}
	return s.store.MarkNoticeRead(ctx, *pr.MemberID, id, s.clock.Now())
}
