package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"huiguan/app"
	appscore "huiguan/app/scorecard"
	"huiguan/domain/identity"
	sc "huiguan/domain/scorecard"
)

// loadScorecard runs last year's self-assessment through to its close (so the
// 会长办公会 has a report and improvement actions) and opens this year's,
// with the internal layer half scored.
func loadScorecard(ctx context.Context, d Deps, internalHead, businessHead int64, today time.Time) error {
	s := d.Scorecard
	as := func(user string, role identity.Role) context.Context {
		p, _ := app.PrincipalFrom(ctx)
		p.Username, p.Roles = user, []identity.Role{role}
		return app.WithPrincipal(ctx, p)
	}
	eval, board := as("pingjia", identity.Evaluator), as("huizhang", identity.BoardRole)
	group := []appscore.Member{{UserID: internalHead, Role: "internal_head"}, {UserID: businessHead, Role: "business_head"}}
	cat := s.Catalogue()
	internal := cat.Layers[0].Name

	// score gives the evidence indicators of a layer (the internal one, or
	// otherwise the business one; every other one for a round under way) a
	// stable rubric value: mostly good, a few weak enough to become actions.
	score := func(id int64, r appscore.Round, layer string, year int, everyOther bool) error {
		for i, ind := range cat.Indicators {
			if _, auto := r.Snapshot[ind.ID]; auto || (layer == internal) != (ind.Layer == internal) || (everyOther && i%2 == 1) {
				continue
			}
			h := fnv.New32a()
			h.Write([]byte(ind.ID))
			value := []int{100, 70, 100, 70, 40, 100, 70}[h.Sum32()%7]
			e := sc.EvidenceScore{IndicatorID: ind.ID, Value: value, Evidence: []string{fmt.Sprintf("%d 年度%s 工作台账", year, ind.Area)},
				Comment: "评价工作组核对原始记录"}
			if err := s.Score(eval, id, e); err != nil {
				return fmt.Errorf("score %s: %w", ind.ID, err)
			}
		}
		return nil
	}
	advance := func(ctx context.Context, id int64, step string) (appscore.Round, error) {
		r, err := s.Advance(ctx, id, step)
		if err != nil {
			return r, fmt.Errorf("%s: %w", step, err)
		}
		return r, nil
	}

	last := today.Year() - 1
	r, err := s.CreateRound(eval, appscore.Round{Title: fmt.Sprintf("%d 年度能力建设自评估", last), Kind: "self",
		CutoffDate: time.Date(last, 12, 31, 0, 0, 0, 0, shanghaiLoc), WorkingGroup: group, SelfDeclaredStage: "规范发展",
		Plan: "对照 DB44 能力建设规范逐项自评，秘书处汇总证据，会长办公会审定"})
	if err != nil {
		return fmt.Errorf("round: %w", err)
	}
	if r, err = advance(eval, r.ID, "snapshot"); err != nil {
		return err
	}
	if err := score(r.ID, r, internal, last, false); err != nil {
		return err
	}
	if _, err := advance(eval, r.ID, "baseline"); err != nil {
		return err
	}
	if err := score(r.ID, r, "", last, false); err != nil {
		return err
	}
	for _, step := range []struct {
		ctx  context.Context
		name string
	}{{eval, "submit"}, {board, "approve"}, {board, "close"}} {
		if _, err := advance(step.ctx, r.ID, step.name); err != nil {
			return err
		}
	}

	cur, err := s.CreateRound(eval, appscore.Round{Title: fmt.Sprintf("%d 年度能力建设自评估", today.Year()), Kind: "self",
		CutoffDate: today.AddDate(0, 0, -1), WorkingGroup: group, SelfDeclaredStage: "规范发展",
		Plan: "延续上年做法，重点复核上年改进措施的落实情况"})
	if err != nil {
		return err
	}
	if cur, err = advance(eval, cur.ID, "snapshot"); err != nil {
		return err
	}
	return score(cur.ID, cur, internal, today.Year(), true)
}
