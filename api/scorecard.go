package api

import (
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	appscore "huiguan/app/scorecard"
	"huiguan/domain/errs"
	sc "huiguan/domain/scorecard"
)

func scoreValue(s sc.Score) any {
	if !s.Applicable() {
		return nil
	}
	return s.Value
}

func (h *handlers) scorecardIndicators(c *fiber.Ctx) error {
	cat := h.d.Scorecard.Catalogue()
	type areaDTO struct {
		Area   string `json:"area"`
		AreaEn string `json:"area_en"`
		Clause string `json:"clause"`
		Weight int    `json:"weight"`
		Layer  string `json:"layer"`
	}
	var areas []areaDTO
	for _, l := range cat.Layers {
		for _, a := range l.Areas {
			areas = append(areas, areaDTO{a.Name, a.NameEn, a.Clause, a.Weight, l.Name})
		}
	}
	return c.JSON(fiber.Map{"areas": areas, "red_lines": cat.RedLines, "items": mapSlice(cat.Indicators, func(i sc.Indicator) fiber.Map {
		return fiber.Map{"id": i.ID, "area": i.Area, "layer": i.Layer, "title_zh": i.TitleZh, "title_en": i.TitleEn, "kind": i.Kind, "metric": i.Metric, "weight": i.Weight}
	})})
}

func resultDTO(r sc.Result) fiber.Map {
	return fiber.Map{"areas": r.Areas, "layers": r.Layers, "total": r.Total, "internal_layer": r.InternalLayer, "red_lines": nonNilStrings(r.RedLines), "stage": r.Stage}
}

// scorecardLive is the live scorecard: every auto indicator computed from
// the modules' data now, with its formula and figures, and the roll-up of
// what can be computed. Evidence indicators wait for a round.
func (h *handlers) scorecardLive(c *fiber.Ctx) error {
	live, err := h.d.Scorecard.Live(c.UserContext())
	if err != nil {
		return err
	}
	cat := h.d.Scorecard.Catalogue()
	items := make([]fiber.Map, 0, len(live.Indicators))
	for _, a := range live.Indicators {
		ind, _ := cat.Indicator(a.ID)
		items = append(items, fiber.Map{"id": a.ID, "title_zh": ind.TitleZh, "title_en": ind.TitleEn, "area": ind.Area, "score": scoreValue(a.Score),
			"na": a.Score.NA, "no_data": a.Score.NoData, "formula_zh": a.FormulaZh, "formula_en": a.FormulaEn, "figures": a.Figures,
			"open_findings": a.Findings, "red_line": cat.RedLines[a.ID] != ""})
	}
	return c.JSON(fiber.Map{"at": live.At, "indicators": items, "result": resultDTO(live.Result), "supporting": live.Supporting})
}

type roundDTO struct {
	ID                int64             `json:"id"`
	Title             string            `json:"title"`
	Kind              string            `json:"kind"`
	CutoffDate        string            `json:"cutoff_date"`
	Plan              string            `json:"plan"`
	ThirdParty        string            `json:"third_party"`
	WorkingGroup      []appscore.Member `json:"working_group"`
	SelfDeclaredStage string            `json:"self_declared_stage"`
	Status            string            `json:"status"`
	Snapshot          map[string]any    `json:"snapshot"`
	Report            *appscore.Report  `json:"report"`
	BaselineAt        *time.Time        `json:"baseline_at"`
	ApprovedBy        string            `json:"approved_by"`
	ClosedAt          *time.Time        `json:"closed_at"`
	Scores            []fiber.Map       `json:"scores,omitempty"`
}

func toRoundDTO(r appscore.Round, scores []sc.EvidenceScore) roundDTO {
	out := roundDTO{ID: r.ID, Title: r.Title, Kind: r.Kind, CutoffDate: day(r.CutoffDate), Plan: r.Plan, ThirdParty: r.ThirdParty,
		WorkingGroup: r.WorkingGroup, SelfDeclaredStage: r.SelfDeclaredStage, Status: r.Status, Report: r.Report, BaselineAt: r.BaselineAt,
		ApprovedBy: r.ApprovedBy, ClosedAt: r.ClosedAt, Snapshot: map[string]any{}}
	for id, s := range r.Snapshot {
		out.Snapshot[id] = fiber.Map{"score": scoreValue(s), "na": s.NA, "no_data": s.NoData}
	}
	for _, e := range scores {
		out.Scores = append(out.Scores, fiber.Map{"indicator_id": e.IndicatorID, "score": map[bool]any{true: nil, false: e.Value}[e.NA], "na": e.NA,
			"justification": e.Justification, "evidence": nonNilStrings(e.Evidence), "comment": e.Comment, "scored_by": e.ScoredBy})
	}
	return out
}

type roundRequest struct {
	Title             string            `json:"title"`
	Kind              string            `json:"kind"`
	CutoffDate        string            `json:"cutoff_date"`
	Plan              string            `json:"plan"`
	ThirdParty        string            `json:"third_party"`
	WorkingGroup      []appscore.Member `json:"working_group"`
	SelfDeclaredStage string            `json:"self_declared_stage"`
}

func (h *handlers) createRound(c *fiber.Ctx) error {
	var req roundRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	cut, err := parseDay("cutoff_date", req.CutoffDate)
	if err != nil {
		return err
	}
	if req.Kind == "" {
		req.Kind = "self"
	}
	r, err := h.d.Scorecard.CreateRound(c.UserContext(), appscore.Round{Title: strings.TrimSpace(req.Title), Kind: req.Kind, CutoffDate: cut,
		Plan: req.Plan, ThirdParty: req.ThirdParty, WorkingGroup: req.WorkingGroup, SelfDeclaredStage: req.SelfDeclaredStage})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toRoundDTO(r, nil))
}

func (h *handlers) listRounds(c *fiber.Ctx) error {
	rs, err := h.d.Scorecard.Rounds(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(rs, func(r appscore.Round) roundDTO { return toRoundDTO(r, nil) })})
}

func (h *handlers) getRound(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	r, scores, err := h.d.Scorecard.Round(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(toRoundDTO(r, scores))
}

func (h *handlers) advanceRound(step string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := paramID(c, "id")
		if err != nil {
			return err
		}
		r, err := h.d.Scorecard.Advance(c.UserContext(), id, step)
		if err != nil {
			return err
		}
		return c.JSON(toRoundDTO(r, nil))
	}
}

type scoreRequest struct {
	IndicatorID   string   `json:"indicator_id"`
	Score         *int     `json:"score"`
	NA            bool     `json:"na"`
	Justification string   `json:"justification"`
	Evidence      []string `json:"evidence"`
	Comment       string   `json:"comment"`
}

func (h *handlers) putScore(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req scoreRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	e := sc.EvidenceScore{IndicatorID: req.IndicatorID, NA: req.NA, Justification: strings.TrimSpace(req.Justification), Evidence: req.Evidence, Comment: req.Comment}
	if !req.NA {
		if req.Score == nil {
			return errs.Field("score", "required")
		}
		e.Value = *req.Score
	}
	if err := h.d.Scorecard.Score(c.UserContext(), id, e); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) roundReportXLSX(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	r, scores, err := h.d.Scorecard.Round(c.UserContext(), id)
	if err != nil {
		return err
	}
	if r.Report == nil {
		return errs.Rule("scorecard.no_report", "")
	}
	cat := h.d.Scorecard.Catalogue()
	rows := [][]string{{"总分 Total", fmtScore(r.Report.Total), ""}, {"发展阶段 Stage", r.Report.Stage, "自我声明 self-declared: " + r.Report.SelfStage},
		{"红线 Red lines", strings.Join(r.Report.RedLines, ", "), ""}, {"", "", ""}}
	names := make([]string, 0, len(r.Report.Areas))
	for n := range r.Report.Areas {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		rows = append(rows, []string{"领域 " + n, fmtScore(r.Report.Areas[n]), ""})
	}
	rows = append(rows, []string{"", "", ""})
	given := map[string]sc.EvidenceScore{}
	for _, s := range scores {
		given[s.IndicatorID] = s
	}
	for _, ind := range cat.Indicators {
		val := "—"
		if s, ok := r.Snapshot[ind.ID]; ok && s.Applicable() {
			val = strconv.Itoa(s.Value)
		}
		if s, ok := given[ind.ID]; ok {
			val = map[bool]string{true: "N/A", false: strconv.Itoa(s.Value)}[s.NA]
		}
		rows = append(rows, []string{ind.ID + " " + ind.TitleZh, val, string(ind.Kind)})
	}
	rows = append(rows, []string{"", "", ""})
	for _, g := range r.Report.Gaps {
		rows = append(rows, []string{"改进建议 " + g.IndicatorID, strconv.Itoa(g.Score), g.Suggestion})
	}
	i := 0
	return sendTempXLSX(c, "scorecard-report-"+strconv.FormatInt(id, 10)+".xlsx", func(f *os.File) error {
		_, err := h.d.Sheets.Write(f, "评价报告", []string{"项目 Item", "得分 Score", "说明 Note"}, func() ([]string, error) {
			if i == len(rows) {
				return nil, errEOF
			}
			i++
			return rows[i-1], nil
		})
		return err
	})
}

func fmtScore(v *float64) string {
	if v == nil {
		return "—"
	}
	return strconv.FormatFloat(*v, 'f', 1, 64)
}

func (h *handlers) listActions(c *fiber.Ctx) error {
	as, err := h.d.Scorecard.Actions(c.UserContext(), c.Query("status"))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(as, func(a appscore.Action) fiber.Map {
		return fiber.Map{"id": a.ID, "round_id": a.RoundID, "indicator_id": a.IndicatorID, "title": a.Title, "owner": a.Owner,
			"due_on": day(a.DueOn), "status": a.Status, "evidence": a.Evidence, "closed_at": a.ClosedAt, "ack_by": a.AckBy, "ack_at": a.AckAt}
	})})
}

type actionRequest struct {
	Acknowledge bool   `json:"acknowledge"`
	Close       bool   `json:"close"`
	Evidence    string `json:"evidence"`
}

func (h *handlers) patchAction(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req actionRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := h.d.Scorecard.UpdateAction(c.UserContext(), id, req.Acknowledge, req.Close, req.Evidence)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"id": a.ID, "status": a.Status, "ack_by": a.AckBy, "evidence": a.Evidence})
}
