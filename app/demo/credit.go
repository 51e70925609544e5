package demo

import (
	"context"
	"fmt"
	"time"

	"huiguan/app"
	appmember "huiguan/app/member"
	"huiguan/domain/credit"
	"huiguan/domain/identity"
	"huiguan/domain/member"
)

// loadCredit records evidence on a few units, puts five on the red list and
// one on the black list by the 会长办公会's decisions, and leaves one appeal
// pending from a unit that disputes its entry.
func loadCredit(ctx context.Context, d Deps, r roster, today time.Time) error {
	c := d.Credit
	as := func(user string, roles ...identity.Role) context.Context {
		p, _ := app.PrincipalFrom(ctx)
		p.Username, p.Roles = user, roles
		return app.WithPrincipal(ctx, p)
	}
	clerk, board := as("mishu", identity.Secretariat), as("huizhang", identity.BoardRole)
	list, err := d.Members.List(ctx, appmember.Filter{Status: member.Active, Sort: "member_no"}, app.Page{Page: 2, PageSize: 40})
	if err != nil {
		return err
	}
	units := list.Items
	if len(units) < 8 {
		return nil
	}
	decide := func(memberID int64, l credit.List, rec credit.Record, category, summary, meeting string) (credit.Proposal, error) {
		rec.MemberID = memberID
		saved, err := c.AddRecord(clerk, rec)
		if err != nil {
			return credit.Proposal{}, err
		}
		p, err := c.Propose(clerk, credit.Proposal{MemberID: memberID, List: l, Action: "add", ReasonCategory: category,
			PublicSummary: summary, RecordIDs: []int64{saved.ID}})
		if err != nil {
			return credit.Proposal{}, err
		}
		return c.Decide(board, p.ID, true, meeting, "")
	}
	for i, u := range units[:5] {
		_, err := decide(u.ID, credit.Red, credit.Record{Polarity: credit.Positive, Category: "award", OccurredOn: today.AddDate(0, -3-i, 0),
			Source: "广东省商务厅", Severity: "low", Summary: "获评省级物流诚信示范企业"}, "诚信示范", "获评省级物流诚信示范企业，三年无失信记录",
			fmt.Sprintf("%d 年第 %d 次会长办公会", today.Year(), 2+i%2))
		if err != nil {
			return fmt.Errorf("red list: %w", err)
		}
	}
	black := units[6]
	if _, err := decide(black.ID, credit.Black, credit.Record{Polarity: credit.Negative, Category: "court_judgment", OccurredOn: today.AddDate(0, -2, 0),
		Source: "（2026）粤01民终3187号", Severity: "high", Summary: "拖欠承运人运费，经法院判决仍拒不履行"}, "拒不履行生效判决",
		"经法院生效判决认定拖欠运费且拒不履行", fmt.Sprintf("%d 年第 3 次会长办公会", today.Year())); err != nil {
		return fmt.Errorf("black list: %w", err)
	}
	// Another unit, black-listed after a verified complaint, disputes it.
	disputed := units[7]
	if _, err := decide(disputed.ID, credit.Black, credit.Record{Polarity: credit.Negative, Category: "verified_complaint", OccurredOn: today.AddDate(0, 0, -5),
		Source: "会员投诉（已核实）", Severity: "medium", Summary: "多次延误交付并拒绝赔付"}, "经核实的投诉", "多次延误交付并拒绝赔付，经秘书处核实",
		"临时会长办公会"); err != nil {
		return fmt.Errorf("disputed: %w", err)
	}
	entries, err := c.Standing(ctx, disputed.ID)
	if err != nil || len(entries) == 0 {
		return err
	}
	p, _ := app.PrincipalFrom(ctx)
	p.Username, p.Roles, p.MemberID = "unit-contact", []identity.Role{identity.Member}, &disputed.ID
	_, err = c.FileAppeal(app.WithPrincipal(ctx, p), "appeal", entries[0].ID, "延误系台风停航所致，已与客户达成赔付协议，附协议复印件", []string{"赔付协议"})
	return err
}
