// Package api is the HTTP edge: Fiber routes, middleware (request id,
// session, CSRF, casbin), DTOs and the error envelope. Handlers decode a
// request DTO, call one use case and map the result; nothing else.
package api

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/app/consult"
	"huiguan/app/credit"
	"huiguan/app/event"
	"huiguan/app/fee"
	"huiguan/app/finding"
	"huiguan/app/governance"
	"huiguan/app/identity"
	"huiguan/app/member"
	"huiguan/app/scorecard"
	"huiguan/domain/errs"
)

// Authorizer decides whether a role may call a route template.
type Authorizer interface {
	Allowed(role, path, method string) (bool, error)
}

// Limiter counts requests per key in a window, shared by every instance.
type Limiter interface {
	Fail(ctx context.Context, key string, now time.Time, window time.Duration) (int, error)
}

// Pinger checks that the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are the use cases and adapters the API serves.
type Deps struct {
	Log        *slog.Logger
	Identity   *identity.Service
	Audit      *audit.Log
	Findings   *finding.Service
	Members    *member.Service
	Governance *governance.Service
	Fees       *fee.Service
	Events     *event.Service
	Credit     *credit.Service
	Consulting *consult.Service
	Scorecard  *scorecard.Service
	Sheets     app.Spreadsheets
	JobRuns    JobRuns
	Authorizer Authorizer
	DB         Pinger
	Limiter    Limiter
	// Static serves the single-page application; nil serves a placeholder.
	Static fiber.Handler
	Options
}

// JobRuns lists recorded job runs.
type JobRuns interface {
	Runs(ctx context.Context, job string, p app.Page) (app.List[app.JobRun], error)
}

// Options are the HTTP settings from the configuration.
type Options struct {
	BodyLimit      int // JSON bodies
	UploadLimit    int // multipart uploads; the HTTP server's own limit
	CookieSecure   bool
	TrustedProxies []string
	SessionMaxAge  time.Duration
}

// Server is the Fiber app with its route table.
type Server struct {
	App    *fiber.App
	deps   Deps
	public map[string]bool // "METHOD path" of routes that need no session
}

// New builds the server and registers every route.
func New(d Deps) *Server {
	cfg := fiber.Config{
		AppName:               "HuiGuan",
		BodyLimit:             max(d.UploadLimit, d.BodyLimit),
		ErrorHandler:          errorHandler(d.Log),
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          120 * time.Second,
		IdleTimeout:           120 * time.Second,
	}
	if len(d.TrustedProxies) > 0 {
		cfg.EnableTrustedProxyCheck = true
		cfg.TrustedProxies = d.TrustedProxies
		cfg.ProxyHeader = fiber.HeaderXForwardedFor
	}
	s := &Server{App: fiber.New(cfg), deps: d, public: map[string]bool{}}
	s.App.Use(recover.New(), withRequestID, securityHeaders, accessLog(d.Log), jsonLimit(d.BodyLimit))
	s.routes()
	return s
}

// PublicRoutes lists the routes that need no session, as "METHOD path".
func (s *Server) PublicRoutes() map[string]bool {
	out := make(map[string]bool, len(s.public))
	for k, v := range s.public {
		out[k] = v
	}
	return out
}

// routes is the route table; each private route passes the guard, which
// authenticates, checks CSRF and asks casbin about this exact template.
func (s *Server) routes() {
	h := &handlers{d: s.deps, srv: s}
	s.App.Get("/healthz", h.healthz)
	s.App.Get("/readyz", h.readyz)

	v1 := "/api/v1"
	s.open(fiber.MethodPost, v1+"/auth/login", h.login)
	s.private(fiber.MethodGet, v1+"/auth/me", h.me)
	s.private(fiber.MethodPatch, v1+"/auth/me", h.updateMe)
	s.private(fiber.MethodPost, v1+"/auth/logout", h.logout)
	s.private(fiber.MethodGet, v1+"/roles", h.roles)

	s.private(fiber.MethodGet, v1+"/users", h.listUsers)
	s.private(fiber.MethodPost, v1+"/users", h.createUser)
	s.private(fiber.MethodGet, v1+"/users/:id", h.getUser)
	s.private(fiber.MethodPatch, v1+"/users/:id", h.updateUser)

	s.private(fiber.MethodGet, v1+"/audit", h.listAudit)
	s.private(fiber.MethodPost, v1+"/audit/verify", h.verifyAudit)

	s.private(fiber.MethodGet, v1+"/findings", h.listFindings)
	s.private(fiber.MethodGet, v1+"/findings/summary", h.findingsSummary)
	s.private(fiber.MethodPost, v1+"/findings/recheck", h.recheckFindings)

	s.private(fiber.MethodGet, v1+"/jobs/runs", h.listJobRuns)

	s.private(fiber.MethodGet, v1+"/member-tiers", h.listTiers)
	s.private(fiber.MethodPost, v1+"/member-tiers", h.createTier)
	s.private(fiber.MethodPut, v1+"/member-tiers/:id", h.updateTier)
	s.private(fiber.MethodGet, v1+"/members", h.listMembers)
	s.private(fiber.MethodPost, v1+"/members", h.createMember)
	s.private(fiber.MethodGet, v1+"/members/stats", h.memberStats)
	s.private(fiber.MethodGet, v1+"/members/export.xlsx", h.exportMembers)
	s.private(fiber.MethodGet, v1+"/members/import-template.xlsx", h.memberTemplate)
	s.private(fiber.MethodPost, v1+"/members/import", h.importMembers)
	s.private(fiber.MethodPut, v1+"/members/stats/industry-units", h.setIndustryUnits)
	s.private(fiber.MethodGet, v1+"/members/:id", h.getMember)
	s.private(fiber.MethodPatch, v1+"/members/:id", h.editMember)
	s.private(fiber.MethodPost, v1+"/members/:id/review", h.reviewMember)
	s.private(fiber.MethodGet, v1+"/member-change-requests", h.listChangeRequests)
	s.private(fiber.MethodPost, v1+"/member-change-requests/:id/apply", h.decideChangeRequest(true))
	s.private(fiber.MethodPost, v1+"/member-change-requests/:id/reject", h.decideChangeRequest(false))
	s.private(fiber.MethodGet, v1+"/members/:id/history", h.memberHistory)
	for _, action := range []string{"approve", "suspend", "reinstate", "withdraw", "expel"} {
		s.private(fiber.MethodPost, v1+"/members/:id/"+action, h.transitMember(action))
	}
	s.private(fiber.MethodGet, v1+"/association", h.getAssociation)
	s.private(fiber.MethodPut, v1+"/association", h.putAssociation)
	s.private(fiber.MethodGet, v1+"/bodies", h.listBodies)
	s.private(fiber.MethodPost, v1+"/bodies", h.createBody)
	s.private(fiber.MethodGet, v1+"/bodies/:id", h.getBody)
	s.private(fiber.MethodPut, v1+"/bodies/:id", h.updateBody)
	s.private(fiber.MethodGet, v1+"/meetings", h.listMeetings)
	s.private(fiber.MethodPost, v1+"/meetings", h.createMeeting)
	s.private(fiber.MethodGet, v1+"/meetings/:id", h.getMeeting)
	s.private(fiber.MethodGet, v1+"/meetings/:id/resolutions", h.meetingResolutions)
	s.private(fiber.MethodPost, v1+"/meetings/:id/resolutions", h.createResolution)
	s.private(fiber.MethodGet, v1+"/resolutions", h.listResolutions)
	s.private(fiber.MethodGet, v1+"/resolutions/:id", h.getResolution)
	s.private(fiber.MethodGet, v1+"/position-types", h.listPositionTypes)
	s.private(fiber.MethodPut, v1+"/position-types/:title", h.putPositionType)
	s.private(fiber.MethodGet, v1+"/positions", h.listPositions)
	s.private(fiber.MethodPost, v1+"/positions", h.createPosition)
	s.private(fiber.MethodGet, v1+"/branches", h.listBranches)
	s.private(fiber.MethodPost, v1+"/branches", h.createBranch)
	for _, action := range []string{"review-place", "review-suffix", "activate", "dissolve"} {
		s.private(fiber.MethodPost, v1+"/branches/:id/"+action, h.actOnBranch(strings.ReplaceAll(action, "-", "_")))
	}
	s.private(fiber.MethodGet, v1+"/fee-standards", h.listStandards)
	s.private(fiber.MethodPost, v1+"/fee-standards", h.createStandard)
	s.private(fiber.MethodGet, v1+"/bills", h.listBills)
	s.private(fiber.MethodPost, v1+"/bills", h.issueBill)
	s.private(fiber.MethodPost, v1+"/bills/generate", h.generateBills)
	s.private(fiber.MethodPost, v1+"/bills/:id/cancel", h.cancelBill)
	s.private(fiber.MethodGet, v1+"/payments", h.listPayments)
	s.private(fiber.MethodPost, v1+"/payments", h.createPayment)
	s.private(fiber.MethodPost, v1+"/payments/:id/reverse", h.reversePayment)
	s.private(fiber.MethodGet, v1+"/payments/:id/receipt", h.receipt)
	s.private(fiber.MethodGet, v1+"/payments/:id/receipt.xlsx", h.receiptXLSX)
	s.private(fiber.MethodGet, v1+"/fund-ledger", h.listFund)
	s.private(fiber.MethodPost, v1+"/fund-ledger", h.postExpense)
	s.private(fiber.MethodPost, v1+"/fund-ledger/:id/reverse", h.reverseExpense)
	s.private(fiber.MethodGet, v1+"/fund-ledger/summary", h.fundSummary)
	s.private(fiber.MethodPut, v1+"/fund-ledger/keeper", h.setKeeper)
	s.private(fiber.MethodGet, v1+"/disclosures", h.listDisclosures(false))
	s.private(fiber.MethodPost, v1+"/disclosures", h.draftDisclosure)
	s.private(fiber.MethodGet, v1+"/disclosures/:year", h.getDisclosure(false))
	s.private(fiber.MethodGet, v1+"/disclosures/:year/export.xlsx", h.disclosureXLSX)
	s.private(fiber.MethodPost, v1+"/disclosures/:year/revise", h.reviseDisclosure)
	for _, step := range []string{"verify", "approve", "publish"} {
		s.private(fiber.MethodPost, v1+"/disclosures/:year/"+step, h.advanceDisclosure(step))
	}
	s.private(fiber.MethodGet, v1+"/disclosures/:year/feedback", h.listFeedback)
	s.private(fiber.MethodPost, v1+"/disclosure-feedback/:id/reply", h.replyFeedback)
	s.private(fiber.MethodGet, v1+"/portal/bills", h.portalBills)
	s.private(fiber.MethodGet, v1+"/portal/payments", h.portalPayments)
	s.private(fiber.MethodGet, v1+"/portal/payments/:id/receipt", h.portalReceipt)
	s.private(fiber.MethodGet, v1+"/portal/disclosures", h.listDisclosures(true))
	s.private(fiber.MethodGet, v1+"/portal/disclosures/:year", h.getDisclosure(true))
	s.private(fiber.MethodGet, v1+"/portal/disclosures/:year/feedback", h.listFeedback)
	s.private(fiber.MethodPost, v1+"/portal/disclosures/:year/feedback", h.sendFeedback)
	s.private(fiber.MethodGet, v1+"/portal/notices", h.portalNotices)
	s.private(fiber.MethodPost, v1+"/portal/notices/:id/read", h.readNotice)
	s.private(fiber.MethodGet, v1+"/events", h.listEvents)
	s.private(fiber.MethodPost, v1+"/events", h.createEvent)
	s.private(fiber.MethodGet, v1+"/events/:id", h.getEvent)
	s.private(fiber.MethodPut, v1+"/events/:id", h.updateEvent)
	for _, action := range []string{"publish", "hold", "close", "cancel"} {
		s.private(fiber.MethodPost, v1+"/events/:id/"+action, h.eventAction(action))
	}
	s.private(fiber.MethodPut, v1+"/events/:id/safety-filing", h.putFiling)
	s.private(fiber.MethodPut, v1+"/events/:id/fire-inspection", h.putInspection)
	s.private(fiber.MethodPut, v1+"/events/:id/emergency-plan", h.putEmergency)
	s.private(fiber.MethodPut, v1+"/events/:id/summary", h.putSummary)
	s.private(fiber.MethodGet, v1+"/events/:id/tasks", h.listTasks)
	s.private(fiber.MethodPost, v1+"/events/:id/tasks", h.saveTask)
	s.private(fiber.MethodPut, v1+"/events/:id/tasks/:task", h.saveTask)
	s.private(fiber.MethodGet, v1+"/events/:id/providers", h.listProviders)
	s.private(fiber.MethodPost, v1+"/events/:id/providers", h.saveProvider)
	s.private(fiber.MethodPut, v1+"/events/:id/providers/:provider", h.saveProvider)
	s.private(fiber.MethodGet, v1+"/events/:id/registrations", h.listRegistrations)
	s.private(fiber.MethodPost, v1+"/events/:id/registrations", h.staffRegister)
	s.private(fiber.MethodGet, v1+"/events/:id/registrations/export.xlsx", h.exportRegistrations)
	s.private(fiber.MethodPost, v1+"/events/:id/registrations/:reg/cancel", h.cancelRegistration)
	s.private(fiber.MethodPost, v1+"/events/:id/checkin", h.checkin)
	s.private(fiber.MethodGet, v1+"/events/:id/stats", h.eventStats)
	s.private(fiber.MethodGet, v1+"/portal/events", h.publicEvents)
	s.private(fiber.MethodPost, v1+"/portal/events/:id/register", h.portalRegister)
	s.private(fiber.MethodGet, v1+"/portal/registrations", h.portalRegistrations)
	s.private(fiber.MethodPost, v1+"/portal/events/:id/registrations/:reg/cancel", h.portalCancelRegistration)
	s.open(fiber.MethodGet, v1+"/public/events", h.publicEvents)
	s.open(fiber.MethodGet, v1+"/public/events/:id", h.publicEvent)
	s.open(fiber.MethodPost, v1+"/public/events/:id/register", s.limited(20, time.Hour), h.publicRegister)
	s.open(fiber.MethodPost, v1+"/public/events/:id/survey", s.limited(20, time.Hour), h.survey)
	s.private(fiber.MethodGet, v1+"/credit/records", h.listCreditRecords)
	s.private(fiber.MethodPost, v1+"/credit/records", h.createCreditRecord)
	s.private(fiber.MethodGet, v1+"/credit/proposals", h.listProposals)
	s.private(fiber.MethodPost, v1+"/credit/proposals", h.createProposal)
	s.private(fiber.MethodPost, v1+"/credit/proposals/:id/decide", h.decideProposal)
	s.private(fiber.MethodGet, v1+"/credit/entries", h.listEntries)
	s.private(fiber.MethodGet, v1+"/credit/appeals", h.listAppeals("appeal"))
	s.private(fiber.MethodPost, v1+"/credit/appeals/:id/review", h.reviewAppeal("appeal"))
	s.private(fiber.MethodGet, v1+"/credit/repairs", h.listAppeals("repair"))
	s.private(fiber.MethodPost, v1+"/credit/repairs/:id/review", h.reviewAppeal("repair"))
	s.private(fiber.MethodGet, v1+"/credit/export", h.exportCredit("json"))
	s.private(fiber.MethodGet, v1+"/credit/export.xlsx", h.exportCredit("xlsx"))
	s.private(fiber.MethodGet, v1+"/portal/credit", h.portalCredit)
	s.private(fiber.MethodPost, v1+"/portal/credit/appeals", h.fileAppeal("appeal"))
	s.private(fiber.MethodPost, v1+"/portal/credit/repairs", h.fileAppeal("repair"))
	s.open(fiber.MethodGet, v1+"/public/credit-lists", s.limited(120, time.Minute), h.publicCreditLists)
	s.open(fiber.MethodGet, v1+"/public/credit-rules", h.creditRules)
	s.private(fiber.MethodGet, v1+"/consulting/services", h.listConsultServices)
	s.private(fiber.MethodPost, v1+"/consulting/services", h.saveConsultService)
	s.private(fiber.MethodPut, v1+"/consulting/services/:id", h.saveConsultService)
	s.private(fiber.MethodGet, v1+"/consulting/clients", h.listConsultClients)
	s.private(fiber.MethodPost, v1+"/consulting/clients", h.createConsultClient)
	s.private(fiber.MethodGet, v1+"/consulting/contracts", h.listContracts)
	s.private(fiber.MethodPost, v1+"/consulting/contracts", h.saveContract)
	s.private(fiber.MethodGet, v1+"/consulting/contracts/export.xlsx", h.exportContracts)
	s.private(fiber.MethodGet, v1+"/consulting/contracts/:id", h.getContract)
	s.private(fiber.MethodPut, v1+"/consulting/contracts/:id", h.saveContract)
	s.private(fiber.MethodPost, v1+"/consulting/contracts/:id/stages", h.addStage)
	s.private(fiber.MethodPut, v1+"/consulting/contracts/:id/compliance-review", h.putCompliance)
	s.private(fiber.MethodPost, v1+"/consulting/contracts/:id/sign", h.signContract)
	s.private(fiber.MethodPut, v1+"/consulting/contracts/:id/deliverables/:index", h.markDeliverable)
	s.private(fiber.MethodGet, v1+"/consulting/contracts/:id/budget", h.getBudget)
	s.private(fiber.MethodPost, v1+"/consulting/contracts/:id/budget", h.addBudgetLine)
	s.private(fiber.MethodPost, v1+"/consulting/contracts/:id/expenses", h.addContractExpense)
	s.private(fiber.MethodGet, v1+"/consulting/contracts/:id/receipts", h.listContractReceipts)
	s.private(fiber.MethodPost, v1+"/consulting/contracts/:id/receipts", h.addContractReceipt)
	s.private(fiber.MethodGet, v1+"/scorecard/indicators", h.scorecardIndicators)
	s.private(fiber.MethodGet, v1+"/scorecard/live", h.scorecardLive)
	s.private(fiber.MethodGet, v1+"/scorecard/rounds", h.listRounds)
	s.private(fiber.MethodPost, v1+"/scorecard/rounds", h.createRound)
	s.private(fiber.MethodGet, v1+"/scorecard/rounds/:id", h.getRound)
	for _, step := range []string{"snapshot", "baseline", "submit", "approve", "close"} {
		s.private(fiber.MethodPost, v1+"/scorecard/rounds/:id/"+step, h.advanceRound(step))
	}
	s.private(fiber.MethodPut, v1+"/scorecard/rounds/:id/scores", h.putScore)
	s.private(fiber.MethodGet, v1+"/scorecard/rounds/:id/report.xlsx", h.roundReportXLSX)
	s.private(fiber.MethodGet, v1+"/scorecard/actions", h.listActions)
	s.private(fiber.MethodPatch, v1+"/scorecard/actions/:id", h.patchAction)
	s.open(fiber.MethodGet, v1+"/public/leadership", h.publicLeadership)
	s.open(fiber.MethodGet, v1+"/public/member-directory", h.memberDirectory)
	s.open(fiber.MethodGet, v1+"/public/member-tiers", h.publicTiers)
	s.private(fiber.MethodGet, v1+"/portal/my-unit", h.myUnit)
	s.private(fiber.MethodGet, v1+"/portal/my-unit/change-requests", h.listChangeRequests)
	s.private(fiber.MethodPost, v1+"/portal/my-unit/change-requests", h.requestChange)

	// Anything else under /api is a JSON 404, never the SPA's index page.
	s.App.All(v1+"/*", func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	s.App.All("/api/*", func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	static := s.deps.Static
	if static == nil {
		static = placeholder
	}
	s.App.Get("/*", static)
}

func (s *Server) open(method, path string, h ...fiber.Handler) {
	s.public[method+" "+path] = true
	s.App.Add(method, path, h...)
}

// limited caps an unauthenticated write to n per client address and window,
// counted in the database so every instance enforces the same cap.
func (s *Server) limited(n int, window time.Duration) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if s.deps.Limiter == nil {
			return c.Next()
		}
		count, err := s.deps.Limiter.Fail(c.UserContext(), "pub:"+c.Route().Path+":"+c.IP(), time.Now().UTC(), window)
		if err != nil {
			return err
		}
		if count > n {
			return (&errs.Error{Kind: errs.ErrThrottled, Code: "rate.limited"}).With("retry_after", int(window.Seconds()))
		}
		return c.Next()
	}
}

func (s *Server) private(method, path string, h fiber.Handler) {
	s.App.Add(method, path, s.guard, h)
}
