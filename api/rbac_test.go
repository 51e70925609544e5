package api_test

import (
	"sort"
	"strings"
	"testing"

	"huiguan/domain/identity"
	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

// allowed is the intended access of every route: the roles that may call it.
// A route missing here fails the test, so a new route cannot ship without a
// decision, and a policy change that grants or drops a role shows up here.
var allowed = map[string][]string{
	"GET /api/v1/auth/me":           all(),
	"PATCH /api/v1/auth/me":         all(),
	"POST /api/v1/auth/logout":      all(),
	"GET /api/v1/roles":             all(),
	"GET /api/v1/users":             {"admin"},
	"POST /api/v1/users":            {"admin"},
	"GET /api/v1/users/:id":         {"admin"},
	"PATCH /api/v1/users/:id":       {"admin"},
	"GET /api/v1/audit":             {"admin", "supervisor"},
	"POST /api/v1/audit/verify":     {"admin", "supervisor"},
	"GET /api/v1/findings":          staffAndBoard(),
	"GET /api/v1/findings/summary":  staffAndBoard(),
	"POST /api/v1/findings/recheck": {"admin", "secretariat"},
	"GET /api/v1/jobs/runs":         {"admin"},

	"GET /api/v1/member-tiers":                                 {"admin", "secretariat", "finance", "board", "supervisor"},
	"POST /api/v1/member-tiers":                                {"admin", "secretariat"},
	"PUT /api/v1/member-tiers/:id":                             {"admin", "secretariat"},
	"GET /api/v1/members":                                      {"admin", "secretariat", "finance", "board", "supervisor"},
	"POST /api/v1/members":                                     {"admin", "secretariat"},
	"GET /api/v1/members/:id":                                  {"admin", "secretariat", "finance", "board", "supervisor"},
	"GET /api/v1/members/:id/history":                          {"admin", "secretariat", "board", "supervisor"},
	"POST /api/v1/members/:id/approve":                         {"admin", "secretariat"},
	"POST /api/v1/members/:id/suspend":                         {"admin", "secretariat"},
	"POST /api/v1/members/:id/reinstate":                       {"admin", "secretariat"},
	"POST /api/v1/members/:id/withdraw":                        {"admin", "secretariat"},
	"POST /api/v1/members/:id/expel":                           {"admin", "secretariat"},
	"GET /api/v1/portal/my-unit":                               {"member"},
	"GET /api/v1/scorecard/indicators":                         staffAndBoard(),
	"GET /api/v1/scorecard/live":                               staffAndBoard(),
	"GET /api/v1/scorecard/rounds":                             staffAndBoard(),
	"POST /api/v1/scorecard/rounds":                            {"board", "evaluator"},
	"GET /api/v1/scorecard/rounds/:id":                         staffAndBoard(),
	"POST /api/v1/scorecard/rounds/:id/snapshot":               {"evaluator"},
	"POST /api/v1/scorecard/rounds/:id/baseline":               {"evaluator"},
	"POST /api/v1/scorecard/rounds/:id/submit":                 {"evaluator"},
	"POST /api/v1/scorecard/rounds/:id/approve":                {"board"},
	"POST /api/v1/scorecard/rounds/:id/close":                  {"board"},
	"PUT /api/v1/scorecard/rounds/:id/scores":                  {"evaluator"},
	"GET /api/v1/scorecard/rounds/:id/report.xlsx":             staffAndBoard(),
	"GET /api/v1/scorecard/actions":                            staffAndBoard(),
	"PATCH /api/v1/scorecard/actions/:id":                      {"admin", "secretariat", "finance", "board"},
	"GET /api/v1/consulting/services":                          staffAndBoard(),
	"POST /api/v1/consulting/services":                         {"admin", "secretariat"},
	"PUT /api/v1/consulting/services/:id":                      {"admin", "secretariat"},
	"GET /api/v1/consulting/clients":                           staffAndBoard(),
	"POST /api/v1/consulting/clients":                          {"admin", "secretariat"},
	"GET /api/v1/consulting/contracts":                         staffAndBoard(),
	"POST /api/v1/consulting/contracts":                        {"admin", "secretariat"},
	"GET /api/v1/consulting/contracts/export.xlsx":             staffAndBoard(),
	"GET /api/v1/consulting/contracts/:id":                     staffAndBoard(),
	"PUT /api/v1/consulting/contracts/:id":                     {"admin", "secretariat"},
	"POST /api/v1/consulting/contracts/:id/stages":             {"admin", "secretariat"},
	"PUT /api/v1/consulting/contracts/:id/compliance-review":   {"admin", "secretariat"},
	"POST /api/v1/consulting/contracts/:id/sign":               {"admin", "secretariat"},
	"PUT /api/v1/consulting/contracts/:id/deliverables/:index": {"admin", "secretariat"},
	"GET /api/v1/consulting/contracts/:id/budget":              staffAndBoard(),
	"POST /api/v1/consulting/contracts/:id/budget":             {"secretariat", "finance"},
	"POST /api/v1/consulting/contracts/:id/expenses":           {"secretariat", "finance"},
	"GET /api/v1/consulting/contracts/:id/receipts":            staffAndBoard(),
	"POST /api/v1/consulting/contracts/:id/receipts":           {"secretariat", "finance"},
	"GET /api/v1/credit/records":                               {"admin", "secretariat", "board", "supervisor"},
	"POST /api/v1/credit/records":                              {"admin", "secretariat"},
	"GET /api/v1/credit/proposals":                             {"admin", "secretariat", "board", "supervisor"},
	"POST /api/v1/credit/proposals":                            {"secretariat"},
	"POST /api/v1/credit/proposals/:id/decide":                 {"board"},
	"GET /api/v1/credit/entries":                               staffAndBoard(),
	"GET /api/v1/credit/appeals":                               {"admin", "secretariat", "board", "supervisor"},
	"POST /api/v1/credit/appeals/:id/review":                   {"secretariat", "board"},
	"GET /api/v1/credit/repairs":                               {"admin", "secretariat", "board", "supervisor"},
	"POST /api/v1/credit/repairs/:id/review":                   {"secretariat", "board"},
	"GET /api/v1/credit/export":                                {"admin", "secretariat", "board"},
	"GET /api/v1/credit/export.xlsx":                           {"admin", "secretariat", "board"},
	"GET /api/v1/portal/credit":                                {"member"},
	"POST /api/v1/portal/credit/appeals":                       {"member"},
	"POST /api/v1/portal/credit/repairs":                       {"member"},
	"GET /api/v1/events":                                       staffAndBoard(),
	"POST /api/v1/events":                                      {"admin", "secretariat"},
	"GET /api/v1/events/:id":                                   staffAndBoard(),
	"PUT /api/v1/events/:id":                                   {"admin", "secretariat"},
	"POST /api/v1/events/:id/publish":                          {"admin", "secretariat"},
	"POST /api/v1/events/:id/hold":                             {"admin", "secretariat"},
	"POST /api/v1/events/:id/close":                            {"admin", "secretariat"},
	"POST /api/v1/events/:id/cancel":                           {"admin", "secretariat"},
	"PUT /api/v1/events/:id/safety-filing":                     {"admin", "secretariat"},
	"PUT /api/v1/events/:id/fire-inspection":                   {"admin", "secretariat"},
	"PUT /api/v1/events/:id/emergency-plan":                    {"admin", "secretariat"},
	"PUT /api/v1/events/:id/summary":                           {"admin", "secretariat"},
	"GET /api/v1/events/:id/tasks":                             staffAndBoard(),
	"POST /api/v1/events/:id/tasks":                            {"admin", "secretariat"},
	"PUT /api/v1/events/:id/tasks/:task":                       {"admin", "secretariat"},
	"GET /api/v1/events/:id/providers":                         staffAndBoard(),
	"POST /api/v1/events/:id/providers":                        {"admin", "secretariat"},
	"PUT /api/v1/events/:id/providers/:provider":               {"admin", "secretariat"},
	"GET /api/v1/events/:id/registrations":                     {"admin", "secretariat", "board", "supervisor"},
	"POST /api/v1/events/:id/registrations":                    {"admin", "secretariat"},
	"GET /api/v1/events/:id/registrations/export.xlsx":         {"admin", "secretariat"},
	"POST /api/v1/events/:id/registrations/:reg/cancel":        {"admin", "secretariat"},
	"POST /api/v1/events/:id/checkin":                          {"admin", "secretariat"},
	"GET /api/v1/events/:id/stats":                             staffAndBoard(),
	"GET /api/v1/portal/events":                                {"member"},
	"POST /api/v1/portal/events/:id/register":                  {"member"},
	"GET /api/v1/portal/registrations":                         {"member"},
	"POST /api/v1/portal/events/:id/registrations/:reg/cancel": {"member"},
	"GET /api/v1/fee-standards":                                staffAndBoard(),
	"POST /api/v1/fee-standards":                               {"admin", "secretariat", "finance"},
	"GET /api/v1/bills":                                        {"admin", "secretariat", "finance", "board", "supervisor"},
	"POST /api/v1/bills":                                       {"finance"},
	"POST /api/v1/bills/generate":                              {"finance"},
	"POST /api/v1/bills/:id/cancel":                            {"finance"},
	"GET /api/v1/payments":                                     {"admin", "finance", "board", "supervisor"},
	"POST /api/v1/payments":                                    {"finance"},
	"POST /api/v1/payments/:id/reverse":                        {"finance"},
	"GET /api/v1/payments/:id/receipt":                         {"admin", "secretariat", "finance", "supervisor"},
	"GET /api/v1/payments/:id/receipt.xlsx":                    {"admin", "secretariat", "finance", "supervisor"},
	"GET /api/v1/fund-ledger":                                  {"admin", "finance", "board", "supervisor"},
	"POST /api/v1/fund-ledger":                                 {"finance"},
	"POST /api/v1/fund-ledger/:id/reverse":                     {"finance"},
	"GET /api/v1/fund-ledger/summary":                          {"admin", "finance", "board", "supervisor"},
	"PUT /api/v1/fund-ledger/keeper":                           {"finance"},
	"GET /api/v1/disclosures":                                  staffAndBoard(),
	"POST /api/v1/disclosures":                                 {"finance"},
	"GET /api/v1/disclosures/:year":                            staffAndBoard(),
	"GET /api/v1/disclosures/:year/export.xlsx":                staffAndBoard(),
	"POST /api/v1/disclosures/:year/revise":                    {"finance"},
	"POST /api/v1/disclosures/:year/verify":                    {"secretariat", "finance", "supervisor"},
	"POST /api/v1/disclosures/:year/approve":                   {"board"},
	"POST /api/v1/disclosures/:year/publish":                   {"secretariat", "finance"},
	"GET /api/v1/disclosures/:year/feedback":                   {"admin", "secretariat", "finance", "board", "supervisor"},
	"POST /api/v1/disclosure-feedback/:id/reply":               {"secretariat", "finance"},
	"GET /api/v1/portal/bills":                                 {"member"},
	"GET /api/v1/portal/payments":                              {"member"},
	"GET /api/v1/portal/payments/:id/receipt":                  {"member"},
	"GET /api/v1/portal/disclosures":                           {"member"},
	"GET /api/v1/portal/disclosures/:year":                     {"member"},
	"GET /api/v1/portal/disclosures/:year/feedback":            {"member"},
	"POST /api/v1/portal/disclosures/:year/feedback":           {"member"},
	"GET /api/v1/portal/notices":                               {"member"},
	"POST /api/v1/portal/notices/:id/read":                     {"member"},
	"GET /api/v1/association":                                  all(),
	"PUT /api/v1/association":                                  {"admin", "secretariat"},
	"GET /api/v1/bodies":                                       staffAndBoard(),
	"POST /api/v1/bodies":                                      {"admin", "secretariat"},
	"GET /api/v1/bodies/:id":                                   staffAndBoard(),
	"PUT /api/v1/bodies/:id":                                   {"admin", "secretariat"},
	"GET /api/v1/meetings":                                     staffAndBoard(),
	"POST /api/v1/meetings":                                    {"admin", "secretariat"},
	"GET /api/v1/meetings/:id":                                 staffAndBoard(),
	"GET /api/v1/meetings/:id/resolutions":                     staffAndBoard(),
	"POST /api/v1/meetings/:id/resolutions":                    {"admin", "secretariat"},
	"GET /api/v1/resolutions":                                  staffAndBoard(),
	"GET /api/v1/resolutions/:id":                              staffAndBoard(),
	"GET /api/v1/position-types":                               staffAndBoard(),
	"PUT /api/v1/position-types/:title":                        {"admin", "secretariat"},
	"GET /api/v1/positions":                                    staffAndBoard(),
	"POST /api/v1/positions":                                   {"admin", "secretariat"},
	"GET /api/v1/branches":                                     staffAndBoard(),
	"POST /api/v1/branches":                                    {"admin", "secretariat"},
	"POST /api/v1/branches/:id/review-place":                   {"admin", "secretariat"},
	"POST /api/v1/branches/:id/review-suffix":                  {"admin", "secretariat"},
	"POST /api/v1/branches/:id/activate":                       {"admin", "secretariat"},
	"POST /api/v1/branches/:id/dissolve":                       {"admin", "secretariat"},
	"GET /api/v1/members/export.xlsx":                          {"admin", "secretariat", "board"},
	"GET /api/v1/members/import-template.xlsx":                 {"admin", "secretariat"},
	"POST /api/v1/members/import":                              {"admin", "secretariat"},
	"GET /api/v1/members/stats":                                {"admin", "secretariat", "finance", "board", "supervisor", "evaluator"},
	"PUT /api/v1/members/stats/industry-units":                 {"admin", "secretariat"},
	"PATCH /api/v1/members/:id":                                {"admin", "secretariat"},
	"POST /api/v1/members/:id/review":                          {"admin", "secretariat"},
	"GET /api/v1/member-change-requests":                       {"admin", "secretariat"},
	"POST /api/v1/member-change-requests/:id/apply":            {"admin", "secretariat"},
	"POST /api/v1/member-change-requests/:id/reject":           {"admin", "secretariat"},
	"GET /api/v1/portal/my-unit/change-requests":               {"member"},
	"POST /api/v1/portal/my-unit/change-requests":              {"member"},
}

// public routes need no session.
var public = map[string]bool{
	"POST /api/v1/auth/login":                 true,
	"GET /api/v1/public/member-directory":     true,
	"GET /api/v1/public/member-tiers":         true,
	"GET /api/v1/public/credit-lists":         true,
	"GET /api/v1/public/credit-rules":         true,
	"GET /api/v1/public/events":               true,
	"GET /api/v1/public/events/:id":           true,
	"POST /api/v1/public/events/:id/register": true,
	"POST /api/v1/public/events/:id/survey":   true,
	"GET /api/v1/public/leadership":           true,
}

func all() []string {
	var out []string
	for _, r := range identity.Roles() {
		out = append(out, string(r.Role))
	}
	return out
}

func staffAndBoard() []string {
	return []string{"admin", "secretariat", "finance", "board", "supervisor", "evaluator"}
}

// TestEveryRouteHasAPolicyDecision walks every registered route against
// every role and compares casbin's answer with the table above.
func TestEveryRouteHasAPolicyDecision(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	srv := k.Sys.Server()
	seen := map[string]bool{}
	for _, r := range srv.App.GetRoutes(true) {
		if !strings.HasPrefix(r.Path, "/api/v1/") || strings.HasSuffix(r.Path, "*") || r.Method == "HEAD" {
			continue
		}
		key := r.Method + " " + r.Path
		seen[key] = true
		if public[key] {
			if !srv.PublicRoutes()[key] {
				t.Errorf("%s is listed public here but the router guards it", key)
			}
			continue
		}
		if srv.PublicRoutes()[key] {
			t.Errorf("%s is public in the router but not listed public here", key)
			continue
		}
		want, ok := allowed[key]
		if !ok {
			t.Errorf("%s has no policy decision in this test", key)
			continue
		}
		var got []string
		for _, role := range all() {
			ok, err := k.Sys.Enforcer.Allowed(role, r.Path, r.Method)
			if err != nil {
				t.Fatalf("%s as %s: %v", key, role, err)
			}
			if ok {
				got = append(got, role)
			}
		}
		sort.Strings(got)
		w := append([]string(nil), want...)
		sort.Strings(w)
		if strings.Join(got, ",") != strings.Join(w, ",") {
			t.Errorf("%s: allowed %v, want %v", key, got, w)
		}
	}
	for key := range allowed {
		if !seen[key] {
			t.Errorf("%s is in the table but no longer a route", key)
		}
	}
}

// TestRoleRefusalsOverHTTP checks the guard end to end for one route per
// kind: 401 without a session, 403 for a wrong role, 200 for the right one.
func TestRoleRefusalsOverHTTP(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("unit", "member")
		k.CreateUser("watch", "supervisor")
		if res := k.Anon().Do("GET", "/api/v1/users", nil); res.Status != 401 || res.ErrorCode() != "auth.unauthenticated" {
			t.Fatalf("no session: %d %s", res.Status, res.Body)
		}
		member := k.Login("unit", "unit-password")
		if res := member.Do("GET", "/api/v1/users", nil); res.Status != 403 || res.ErrorCode() != "rbac.forbidden" {
			t.Fatalf("member on /users: %d %s", res.Status, res.Body)
		}
		if res := member.Do("GET", "/api/v1/findings", nil); res.Status != 403 {
			t.Fatalf("member on /findings: %d", res.Status)
		}
		before := k.AuditCount()
		if res := member.Do("POST", "/api/v1/users", map[string]any{"username": "x", "password": "0123456789", "display_name": "x", "roles": []string{"admin"}}); res.Status != 403 {
			t.Fatalf("member creating a user: %d", res.Status)
		}
		if k.AuditCount() != before {
			t.Fatal("a refused request wrote something")
		}
		watch := k.Login("watch", "watch-password")
		if res := watch.Do("GET", "/api/v1/audit", nil); res.Status != 200 {
			t.Fatalf("supervisor on /audit: %d %s", res.Status, res.Body)
		}
		if res := watch.Do("PATCH", "/api/v1/users/1", map[string]any{"disabled": true}); res.Status != 403 {
			t.Fatalf("supervisor editing a user: %d", res.Status)
		}
	})
}
