package api

import (
	"context"
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/app/finding"
	"huiguan/app/identity"
	domainaudit "huiguan/domain/audit"
	"huiguan/domain/errs"
	domainfinding "huiguan/domain/finding"
	domainidentity "huiguan/domain/identity"
)

type handlers struct {
	d   Deps
	srv *Server
}

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// ---- health ----

func (h *handlers) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

func (h *handlers) readyz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	if err := h.d.DB.Ping(ctx); err != nil {
		return errs.Unavailable(err)
	}
	return c.JSON(fiber.Map{"status": "ready"})
}

// ---- auth ----

type userDTO struct {
	ID          int64      `json:"id"`
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	Roles       []string   `json:"roles"`
	MemberID    *int64     `json:"member_id"`
	MemberName  *string    `json:"member_name"`
	Clearance   int        `json:"clearance"`
	Disabled    bool       `json:"disabled"`
	Locale      string     `json:"locale"`
	LastLoginAt *time.Time `json:"last_login_at"`
	CreatedAt   time.Time  `json:"created_at"`
}

func toUserDTO(v identity.UserView) userDTO {
	u := v.User
	roles := make([]string, 0, len(u.Roles()))
	for _, r := range u.Roles() {
		roles = append(roles, string(r))
	}
	return userDTO{
		ID: u.ID(), Username: u.Username(), DisplayName: u.DisplayName(), Roles: roles,
		MemberID: u.MemberID(), MemberName: v.MemberName, Clearance: int(u.Clearance()),
		Disabled: u.Disabled(), Locale: string(u.Locale()), LastLoginAt: u.LastLoginAt(), CreatedAt: u.CreatedAt(),
	}
}

type sessionDTO struct {
	User      userDTO `json:"user"`
	CSRFToken string  `json:"csrf_token"`
}

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func (h *handlers) login(c *fiber.Ctx) error {
	var req loginRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	// No session yet: the principal carries only the request's id and address
	// until Login names the user.
	ctx := app.WithPrincipal(c.UserContext(), app.Principal{RequestID: requestID(c), IP: c.IP()})
	out, err := h.d.Identity.Login(ctx, identity.LoginCommand{
		Username: req.Username, Password: req.Password, IP: c.IP(),
		UserAgent: c.Get(fiber.HeaderUserAgent), OldToken: c.Cookies(sessionCookie),
	})
	if err != nil {
		return err
	}
	h.srv.setCookie(c, out.Token)
	view, err := h.d.Identity.GetUser(c.UserContext(), out.User.ID())
	if err != nil {
		return err
	}
	return c.JSON(sessionDTO{User: toUserDTO(view), CSRFToken: out.CSRFToken})
}

func (h *handlers) me(c *fiber.Ctx) error {
	a := authOf(c)
	view, err := h.d.Identity.GetUser(c.UserContext(), a.User.ID())
	if err != nil {
		return err
	}
	return c.JSON(sessionDTO{User: toUserDTO(view), CSRFToken: a.Session.CSRFToken})
}

type updateMeRequest struct {
	Locale string `json:"locale"`
}

func (h *handlers) updateMe(c *fiber.Ctx) error {
	var req updateMeRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	view, err := h.d.Identity.SetLocale(c.UserContext(), req.Locale)
	if err != nil {
		return err
	}
	return c.JSON(sessionDTO{User: toUserDTO(view), CSRFToken: authOf(c).Session.CSRFToken})
}

func (h *handlers) logout(c *fiber.Ctx) error {
	if err := h.d.Identity.Logout(c.UserContext(), c.Cookies(sessionCookie)); err != nil {
		return err
	}
	h.srv.clearCookie(c)
	return c.SendStatus(fiber.StatusNoContent)
}

type roleDTO struct {
	Name      string `json:"name"`
	LabelZh   string `json:"label_zh"`
	LabelEn   string `json:"label_en"`
	Clearance int    `json:"clearance"`
	Area      string `json:"area"`
}

func (h *handlers) roles(c *fiber.Ctx) error {
	var out []roleDTO
	for _, r := range domainidentity.Roles() {
		out = append(out, roleDTO{string(r.Role), r.LabelZh, r.LabelEn, int(r.Clearance), string(r.Area)})
	}
	return c.JSON(fiber.Map{"items": out})
}

// ---- users ----

func (h *handlers) listUsers(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	disabled, err := queryBool(c, "disabled")
	if err != nil {
		return err
	}
	f := identity.UserFilter{Query: c.Query("q"), Disabled: disabled, Sort: c.Query("sort")}
	if r := c.Query("role"); r != "" {
		roles, err := domainidentity.ParseRoles([]string{r})
		if err != nil {
			return errs.Invalid("request.invalid_query", map[string]string{"role": "unknown_role"})
		}
		f.Role = roles[0]
	}
	list, err := h.d.Identity.ListUsers(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toUserDTO))
}

type createUserRequest struct {
	Username    string   `json:"username"`
	Password    string   `json:"password"`
	DisplayName string   `json:"display_name"`
	Roles       []string `json:"roles"`
	MemberID    *int64   `json:"member_id"`
}

func (h *handlers) createUser(c *fiber.Ctx) error {
	var req createUserRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	view, err := h.d.Identity.CreateUser(c.UserContext(), identity.CreateUserCommand{
		Username: req.Username, Password: req.Password, DisplayName: req.DisplayName, Roles: req.Roles, MemberID: req.MemberID,
	})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toUserDTO(view))
}

func (h *handlers) getUser(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	view, err := h.d.Identity.GetUser(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(toUserDTO(view))
}

// updateUserRequest distinguishes an absent member_id from a null one.
type updateUserRequest struct {
	DisplayName *string         `json:"display_name"`
	Roles       []string        `json:"roles"`
	Disabled    *bool           `json:"disabled"`
	Password    *string         `json:"password"`
	MemberID    json.RawMessage `json:"member_id"`
}

func (h *handlers) updateUser(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req updateUserRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	cmd := identity.UpdateUserCommand{ID: id, DisplayName: req.DisplayName, Roles: req.Roles, Disabled: req.Disabled, Password: req.Password}
	if req.MemberID != nil {
		var m *int64
		if err := json.Unmarshal(req.MemberID, &m); err != nil {
			return errs.Invalid("request.invalid_fields", map[string]string{"member_id": "type"})
		}
		cmd.MemberID = &m
	}
	view, err := h.d.Identity.UpdateUser(c.UserContext(), cmd)
	if err != nil {
		return err
	}
	return c.JSON(toUserDTO(view))
}

// ---- audit ----

type auditDTO struct {
	ID        int64           `json:"id"`
	Seq       int64           `json:"seq"`
	At        time.Time       `json:"at"`
	ActorID   int64           `json:"actor_id"`
	ActorName string          `json:"actor_name"`
	Action    string          `json:"action"`
	Entity    string          `json:"entity"`
	EntityID  string          `json:"entity_id"`
	Before    json.RawMessage `json:"before"`
	After     json.RawMessage `json:"after"`
	RequestID string          `json:"request_id"`
	IP        string          `json:"ip"`
	PrevHash  string          `json:"prev_hash"`
	Hash      string          `json:"hash"`
}

func rawOrNull(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}

func toAuditDTO(e domainaudit.Entry) auditDTO {
	return auditDTO{
		ID: e.ID, Seq: e.Seq, At: e.At, ActorID: e.ActorID, ActorName: e.ActorName, Action: e.Action,
		Entity: e.Entity, EntityID: e.EntityID, Before: rawOrNull(e.Before), After: rawOrNull(e.After),
		RequestID: e.RequestID, IP: e.IP, PrevHash: e.PrevHash, Hash: e.Hash,
	}
}

func (h *handlers) listAudit(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	from, err := queryDay(c, "from", false, shanghai)
	if err != nil {
		return err
	}
	to, err := queryDay(c, "to", true, shanghai)
	if err != nil {
		return err
	}
	f := audit.Filter{Actor: c.Query("actor"), Entity: c.Query("entity"), EntityID: c.Query("entity_id"),
		Action: c.Query("action"), From: from, To: to}
	list, err := h.d.Audit.List(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toAuditDTO))
}

func (h *handlers) verifyAudit(c *fiber.Ctx) error {
	res, err := h.d.Audit.Verify(c.UserContext())
	if err != nil {
		return err
	}
	out := fiber.Map{"ok": res.OK, "checked": res.Checked, "first_broken_seq": nil, "reason": ""}
	if res.Break != nil {
		out["first_broken_seq"], out["reason"] = res.Break.Seq, res.Break.Reason
	}
	return c.JSON(out)
}

// ---- findings ----

type findingDTO struct {
	ID          int64      `json:"id"`
	RuleID      string     `json:"rule_id"`
	Clause      string     `json:"clause"`
	Module      string     `json:"module"`
	ObjectType  string     `json:"object_type"`
	ObjectID    string     `json:"object_id"`
	ObjectLabel string     `json:"object_label"`
	Severity    string     `json:"severity"`
	Message     string     `json:"message"`
	OpenedAt    time.Time  `json:"opened_at"`
	ClosedAt    *time.Time `json:"closed_at"`
}

func toFindingDTO(f domainfinding.Finding) findingDTO {
	return findingDTO{f.ID, f.RuleID, f.Clause, f.Module, f.ObjectType, f.ObjectID, f.ObjectLabel,
		string(f.Severity), f.Message, f.OpenedAt, f.ClosedAt}
}

func (h *handlers) listFindings(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	f := finding.Filter{Clause: c.Query("clause"), Module: c.Query("module"), RuleID: c.Query("rule_id"), Status: c.Query("status")}
	list, err := h.d.Findings.List(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toFindingDTO))
}

func (h *handlers) findingsSummary(c *fiber.Ctx) error {
	s, err := h.d.Findings.Summary(c.UserContext())
	if err != nil {
		return err
	}
	counts := func(key string, in []finding.Count) []fiber.Map {
		out := make([]fiber.Map, len(in))
		for i, x := range in {
			out[i] = fiber.Map{key: x.Key, "open": x.Open}
		}
		return out
	}
	return c.JSON(fiber.Map{
		"open": s.Open, "by_module": counts("module", s.ByModule),
		"by_severity": counts("severity", s.BySeverity), "by_clause": counts("clause", s.ByClause),
	})
}

func (h *handlers) recheckFindings(c *fiber.Ctx) error {
	out, err := h.d.Findings.Recheck(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"rules": out.Rules, "opened": out.Opened, "closed": out.Closed, "updated": out.Updated})
}

// ---- jobs ----

type jobRunDTO struct {
	ID         int64      `json:"id"`
	Job        string     `json:"job"`
	Slot       time.Time  `json:"slot"`
	Holder     string     `json:"holder"`
	StartedAt  time.Time  `json:"started_at"`
	FinishedAt *time.Time `json:"finished_at"`
	Status     string     `json:"status"`
	Error      string     `json:"error"`
}

func (h *handlers) listJobRuns(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	list, err := h.d.JobRuns.Runs(c.UserContext(), c.Query("job"), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, func(r app.JobRun) jobRunDTO { return jobRunDTO(r) }))
}
