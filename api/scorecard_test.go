package api_test

import (
	"testing"

	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

// liveIndicator returns one auto indicator of the live scorecard.
func liveIndicator(t *testing.T, c *testkit.Client, id string) map[string]any {
	t.Helper()
	r := c.Do("GET", "/api/v1/scorecard/live", nil)
	if r.Status != 200 {
		t.Fatalf("live: %d %s", r.Status, r.Body)
	}
	for _, x := range r.JSON["indicators"].([]any) {
		if ind := x.(map[string]any); ind["id"] == id {
			return ind
		}
	}
	t.Fatalf("live has no indicator %s: %s", id, r.Body)
	return nil
}

func TestLiveScorecardFollowsTheData(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("board", "board")
		board := k.Login("board", "board-password")

		// No members yet: the roster indicator has no data rather than a number.
		if ind := liveIndicator(t, board, "8.1.2.3"); ind["no_data"] != true || ind["score"] != nil {
			t.Fatalf("roster completeness without members: %v", ind)
		}
		if ind := liveIndicator(t, board, "7.1.2.2"); ind["score"].(float64) != 0 {
			t.Fatalf("core bodies before any is recorded: %v", ind)
		}

		clerk, body := governanceSetup(t, k)
		if ind := liveIndicator(t, board, "7.1.2.2"); ind["score"].(float64) != 33 {
			t.Fatalf("one of three core bodies defined: %v", ind)
		}
		if ind := liveIndicator(t, board, "7.1.2.4"); ind["score"].(float64) != 100 {
			t.Fatalf("no branch under review: %v", ind)
		}

		// A branch named after a place waits for review: the indicator drops,
		// and its open finding costs another ten points until it is reviewed.
		m := meeting(t, clerk, body, 8, "regular")
		res := clerk.Do("POST", "/api/v1/meetings/"+m+"/resolutions", map[string]any{"title": "设立分支机构", "kind": "other", "votes_for": 8}).JSON["id"]
		fs := clerk.Do("POST", "/api/v1/branches", map[string]any{"kind": "branch", "name": "广东省物流行业协会佛山分会",
			"scope": []string{"行业标准制定"}, "head": "李主任", "resolution_id": res})
		if fs.JSON["status"] != "pending_review" {
			t.Fatalf("place-name branch: %s", fs.Body)
		}
		ind := liveIndicator(t, board, "7.1.2.4")
		if ind["score"].(float64) != 40 || ind["open_findings"].(float64) != 1 {
			t.Fatalf("pending place-name review with its finding: %v", ind)
		}
		clerk.Do("POST", "/api/v1/branches/"+itoa(fs.JSON["id"].(float64))+"/review-place", map[string]any{"territorial": true, "reason": "以佛山会员为服务对象"})
		if ind := liveIndicator(t, board, "7.1.2.4"); ind["score"].(float64) != 100 || ind["open_findings"].(float64) != 0 {
			t.Fatalf("after the review: %v", ind)
		}

		// Members may not read the scorecard.
		k.CreateUser("unit", "member")
		if r := k.Login("unit", "unit-password").Do("GET", "/api/v1/scorecard/live", nil); r.Status != 403 {
			t.Fatalf("member reading the scorecard: %d", r.Status)
		}
	})
}

func TestAssessmentRound(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("pingjia", "evaluator")
		k.CreateUser("huizhang", "board")
		eval := k.Login("pingjia", "pingjia-password")
		board := k.Login("huizhang", "huizhang-password")

		round := map[string]any{"title": "2026 年度能力自评", "kind": "self", "cutoff_date": "2026-10-31",
			"working_group": []map[string]any{{"user_id": 1, "role": "internal_head"}}}
		if r := eval.Do("POST", "/api/v1/scorecard/rounds", round); r.Status != 422 || r.ErrorCode() != "scorecard.working_group_heads" || r.JSON["error"].(map[string]any)["clause"] != "10.1.2" {
			t.Fatalf("working group without the business head: %d %s", r.Status, r.Body)
		}
		if r := eval.Do("POST", "/api/v1/scorecard/rounds", map[string]any{"title": "x", "kind": "third_party", "cutoff_date": "2026-10-31",
			"working_group": []map[string]any{{"user_id": 1, "role": "internal_head"}, {"user_id": 2, "role": "business_head"}}}); r.Status != 400 || r.ErrorField("third_party") == "" {
			t.Fatalf("third-party round without the third party: %d %s", r.Status, r.Body)
		}
		round["working_group"] = []map[string]any{{"user_id": 1, "role": "internal_head"}, {"user_id": 2, "role": "business_head"}}
		cr := eval.Do("POST", "/api/v1/scorecard/rounds", round)
		if cr.Status != 201 || cr.JSON["status"] != "planning" {
			t.Fatalf("create: %d %s", cr.Status, cr.Body)
		}
		base := "/api/v1/scorecard/rounds/" + itoa(cr.JSON["id"].(float64))

		snap := eval.Do("POST", base+"/snapshot", nil)
		if snap.Status != 200 || snap.JSON["status"] != "scoring" || len(snap.JSON["snapshot"].(map[string]any)) == 0 {
			t.Fatalf("snapshot: %d %s", snap.Status, snap.Body)
		}
		auto := snap.JSON["snapshot"].(map[string]any)

		// The catalogue: which evidence indicators belong to which layer.
		cat := eval.Do("GET", "/api/v1/scorecard/indicators", nil)
		internal := cat.JSON["areas"].([]any)[0].(map[string]any)["layer"]
		var internalIDs, businessIDs []string
		for _, x := range cat.JSON["items"].([]any) {
			ind := x.(map[string]any)
			if _, isAuto := auto[ind["id"].(string)]; isAuto {
				continue
			}
			if ind["layer"] == internal {
				internalIDs = append(internalIDs, ind["id"].(string))
			} else {
				businessIDs = append(businessIDs, ind["id"].(string))
			}
		}
		if len(internalIDs) == 0 || len(businessIDs) == 0 {
			t.Fatalf("catalogue layers: %d internal, %d business evidence indicators", len(internalIDs), len(businessIDs))
		}
		score := func(id string, v int, evidence ...string) testkit.Response {
			return eval.Do("PUT", base+"/scores", map[string]any{"indicator_id": id, "score": v, "evidence": evidence})
		}

		// Refusals: a score without evidence, off the rubric, the business layer
		// before the internal baseline, raising an auto value.
		if r := score(internalIDs[0], 70); r.Status != 422 || r.ErrorCode() != "scorecard.no_evidence" || r.JSON["error"].(map[string]any)["clause"] != "10.1.3" {
			t.Fatalf("score without evidence: %d %s", r.Status, r.Body)
		}
		if r := score(internalIDs[0], 65, "章程.pdf"); r.Status != 400 || r.ErrorField("score") == "" {
			t.Fatalf("score off the rubric: %d %s", r.Status, r.Body)
		}
		if r := score(businessIDs[0], 70, "年报.pdf"); r.Status != 422 || r.ErrorCode() != "scorecard.baseline_first" || r.JSON["error"].(map[string]any)["clause"] != "9" {
			t.Fatalf("business score before the baseline: %d %s", r.Status, r.Body)
		}
		if r := score("7.1.2.2", 100, "理事会章程.pdf"); r.Status != 422 || r.ErrorCode() != "scorecard.auto_downgrade_only" {
			t.Fatalf("editing an auto value upward: %d %s", r.Status, r.Body)
		}
		if r := eval.Do("POST", base+"/submit", nil); r.Status != 422 || r.ErrorCode() != "scorecard.baseline_first" {
			t.Fatalf("submit before the baseline: %d %s", r.Status, r.Body)
		}
		if r := eval.Do("POST", base+"/baseline", nil); r.Status != 422 || r.ErrorCode() != "scorecard.baseline_incomplete" {
			t.Fatalf("baseline with internal indicators unscored: %d %s", r.Status, r.Body)
		}

		// The internal layer, then the baseline, then the business layer; one
		// indicator N/A with its reason, one scored low to yield an action.
		for _, id := range internalIDs {
			if r := score(id, 100, "制度汇编.pdf"); r.Status != 204 {
				t.Fatalf("score %s: %d %s", id, r.Status, r.Body)
			}
		}
		if r := eval.Do("POST", base+"/baseline", nil); r.Status != 200 || r.JSON["baseline_at"] == nil {
			t.Fatalf("baseline: %d %s", r.Status, r.Body)
		}
		if r := eval.Do("PUT", base+"/scores", map[string]any{"indicator_id": businessIDs[0], "na": true}); r.Status != 400 || r.ErrorField("justification") == "" {
			t.Fatalf("N/A without a reason: %d %s", r.Status, r.Body)
		}
		eval.Do("PUT", base+"/scores", map[string]any{"indicator_id": businessIDs[0], "na": true, "justification": "本会不开展境外业务"})
		for _, id := range businessIDs[1 : len(businessIDs)-1] {
			score(id, 70, "工作台账.xlsx")
		}
		low := businessIDs[len(businessIDs)-1]
		score(low, 0)
		if r := board.Do("POST", base+"/approve", nil); r.Status != 422 || r.ErrorCode() != "scorecard.wrong_status" {
			t.Fatalf("approve before submission: %d %s", r.Status, r.Body)
		}
		if r := eval.Do("POST", base+"/submit", nil); r.Status != 200 || r.JSON["status"] != "submitted" {
			t.Fatalf("submit: %d %s", r.Status, r.Body)
		}
		if r := eval.Do("POST", base+"/approve", nil); r.Status != 403 {
			t.Fatalf("the evaluator approving: %d %s", r.Status, r.Body)
		}
		ap := board.Do("POST", base+"/approve", nil)
		rep, _ := ap.JSON["report"].(map[string]any)
		if ap.Status != 200 || ap.JSON["status"] != "approved" || rep == nil || rep["total"] == nil || rep["stage"] == "" {
			t.Fatalf("approve: %d %s", ap.Status, ap.Body)
		}
		gapped := false
		for _, g := range rep["gaps"].([]any) {
			gapped = gapped || g.(map[string]any)["indicator_id"] == low
		}
		if !gapped {
			t.Fatalf("the indicator scored 0 is not among the gaps: %v", rep["gaps"])
		}
		if x := board.Get(base + "/report.xlsx"); x.Status != 200 || len(readSheet(t, x.Body)) < 10 {
			t.Fatalf("report workbook: %d", x.Status)
		}

		// Closing opens an action per gap and freezes the round.
		if r := board.Do("POST", base+"/close", nil); r.Status != 200 || r.JSON["status"] != "closed" {
			t.Fatalf("close: %d %s", r.Status, r.Body)
		}
		if r := score(low, 100, "整改报告.pdf"); r.Status != 422 || r.ErrorCode() != "scorecard.not_scoring" {
			t.Fatalf("scoring a closed round: %d %s", r.Status, r.Body)
		}
		if r := board.Do("POST", base+"/close", nil); r.Status != 422 || r.ErrorCode() != "scorecard.round_closed" {
			t.Fatalf("closing twice: %d %s", r.Status, r.Body)
		}
		acts := board.Do("GET", "/api/v1/scorecard/actions?status=open", nil).JSON["items"].([]any)
		var action map[string]any
		for _, a := range acts {
			if a.(map[string]any)["indicator_id"] == low {
				action = a.(map[string]any)
			}
		}
		if action == nil {
			t.Fatalf("no improvement action for %s: %v", low, acts)
		}
		path := "/api/v1/scorecard/actions/" + itoa(action["id"].(float64))
		if r := board.Do("PATCH", path, map[string]any{"close": true}); r.Status != 400 || r.ErrorField("evidence") == "" {
			t.Fatalf("closing an action without evidence: %d %s", r.Status, r.Body)
		}
		if r := board.Do("PATCH", path, map[string]any{"acknowledge": true, "close": true, "evidence": "整改报告已归档"}); r.Status != 200 || r.JSON["status"] != "closed" || r.JSON["ack_by"] != "huizhang" {
			t.Fatalf("closing an action: %d %s", r.Status, r.Body)
		}
	})
}

func TestLiveScorecardReadsTheRoster(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, _, _ := registry(t, k)
		// A second unit applies but is not admitted: not yet a current member.
		second := clerk.Do("POST", "/api/v1/members", memberBody("深圳鹏程供应链有限公司", code("91440300MA5DXXXX0"), 1))
		if second.Status != 201 {
			t.Fatalf("application: %d %s", second.Status, second.Body)
		}
		ind := liveIndicator(t, clerk, "8.1.2.3")
		figures := ind["figures"].(map[string]any)
		if ind["score"].(float64) != 100 || figures["members"].(float64) != 1 || figures["complete"].(float64) != 1 {
			t.Fatalf("roster completeness over one complete current member: %v", ind)
		}
		if ind := liveIndicator(t, clerk, "8.1.1.1"); ind["score"].(float64) != 100 {
			t.Fatalf("one tier with its services: %v", ind)
		}
	})
}
