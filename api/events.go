package api

import (
	"os"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"huiguan/app"
	appevent "huiguan/app/event"
	"huiguan/domain/errs"
	"huiguan/domain/event"
	"huiguan/domain/member"
)

type teamDTO struct {
	Name           string `json:"name"`
	Role           string `json:"role"`
	Responsibility string `json:"responsibility"`
}

type riskDTO struct {
	Risk    string `json:"risk"`
	Control string `json:"control"`
}

type filingDTO struct {
	Authority string `json:"authority"`
	FilingNo  string `json:"filing_no"`
	FiledOn   string `json:"filed_on"`
	Document  string `json:"document"`
}

type checkDTO struct {
	OK        bool       `json:"ok"`
	CheckedBy string     `json:"checked_by"`
	CheckedAt *time.Time `json:"checked_at"`
	Note      string     `json:"note"`
}

func toCheckDTO(c event.Check) checkDTO {
	out := checkDTO{OK: c.OK, CheckedBy: c.CheckedBy, Note: c.Note}
	if !c.CheckedAt.IsZero() {
		t := c.CheckedAt
		out.CheckedAt = &t
	}
	return out
}

type emergencyDTO struct {
	PublicSafety  string    `json:"public_safety"`
	FoodSafety    string    `json:"food_safety"`
	Medical       string    `json:"medical"`
	OnlineOpinion string    `json:"online_opinion"`
	Procedure     string    `json:"procedure"`
	Roles         []teamDTO `json:"roles"`
	VenueAgreed   bool      `json:"venue_agreed"`
	VendorsAgreed bool      `json:"vendors_agreed"`
}

type eventDTO struct {
	ID                 int64               `json:"id"`
	Title              string              `json:"title"`
	Kind               string              `json:"kind"`
	StartsAt           time.Time           `json:"starts_at"`
	EndsAt             time.Time           `json:"ends_at"`
	Venue              string              `json:"venue"`
	Capacity           int                 `json:"capacity"`
	ExpectedAttendance int                 `json:"expected_attendance"`
	BudgetFen          int64               `json:"budget_fen"`
	LeadName           string              `json:"lead_name"`
	Team               []teamDTO           `json:"team"`
	Goals              string              `json:"goals"`
	Plan               string              `json:"plan"`
	Risks              []riskDTO           `json:"risks"`
	IsExhibition       bool                `json:"is_exhibition"`
	ManualLarge        bool                `json:"manual_large"`
	Large              bool                `json:"large"`
	Status             string              `json:"status"`
	SafetyFiling       *filingDTO          `json:"safety_filing"`
	FireInspection     map[string]checkDTO `json:"fire_inspection"`
	EmergencyPlan      emergencyDTO        `json:"emergency_plan"`
	GateMissing        []string            `json:"gate_missing"`
	GreenItems         []string            `json:"green_items"`
	RegistrationFields []string            `json:"registration_fields"`
	ConsentPurpose     string              `json:"consent_purpose"`
	Summary            string              `json:"summary"`
	ClosedAt           *time.Time          `json:"closed_at"`
	AnonymisedAt       *time.Time          `json:"anonymised_at"`
}

func (h *handlers) toEventDTO(e event.Event) eventDTO {
	out := eventDTO{ID: e.ID, Title: e.Title, Kind: string(e.Kind), StartsAt: e.StartsAt, EndsAt: e.EndsAt, Venue: e.Venue, Capacity: e.Capacity,
		ExpectedAttendance: e.ExpectedAttendance, BudgetFen: e.BudgetFen, LeadName: e.Lead,
		Team: mapSlice(e.Team, func(t event.TeamMember) teamDTO { return teamDTO(t) }), Goals: e.Goals, Plan: e.Plan,
		Risks: mapSlice(e.Risks, func(r event.Risk) riskDTO { return riskDTO(r) }), IsExhibition: e.IsExhibition, ManualLarge: e.ManualLarge,
		Large: h.d.Events.Large(e), Status: string(e.Status), GateMissing: e.GateMissing(), GreenItems: nonNilStrings(e.Green),
		RegistrationFields: nonNilStrings(e.Fields), ConsentPurpose: e.ConsentPurpose, Summary: e.Summary, ClosedAt: e.ClosedAt, AnonymisedAt: e.AnonymisedAt,
		FireInspection: map[string]checkDTO{"evacuation_signs": toCheckDTO(e.Inspection.EvacuationSigns),
			"exits_clear": toCheckDTO(e.Inspection.ExitsClear), "equipment_valid": toCheckDTO(e.Inspection.EquipmentValid)},
		EmergencyPlan: emergencyDTO{e.Emergency.PublicSafety, e.Emergency.FoodSafety, e.Emergency.Medical, e.Emergency.OnlineOpinion,
			e.Emergency.Procedure, mapSlice(e.Emergency.Roles, func(t event.TeamMember) teamDTO { return teamDTO(t) }),
			e.Emergency.VenueAgreed, e.Emergency.VendorsAgreed}}
	if out.GateMissing == nil {
		out.GateMissing = []string{}
	}
	if e.Filing != nil {
		out.SafetyFiling = &filingDTO{e.Filing.Authority, e.Filing.FilingNo, day(e.Filing.FiledOn), e.Filing.Document}
	}
	return out
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type eventRequest struct {
	Title              string    `json:"title"`
	Kind               string    `json:"kind"`
	StartsAt           time.Time `json:"starts_at"`
	EndsAt             time.Time `json:"ends_at"`
	Venue              string    `json:"venue"`
	Capacity           int       `json:"capacity"`
	ExpectedAttendance int       `json:"expected_attendance"`
	BudgetFen          int64     `json:"budget_fen"`
	LeadName           string    `json:"lead_name"`
	Team               []teamDTO `json:"team"`
	Goals              string    `json:"goals"`
	Plan               string    `json:"plan"`
	Risks              []riskDTO `json:"risks"`
	IsExhibition       bool      `json:"is_exhibition"`
	ManualLarge        bool      `json:"manual_large"`
	GreenItems         []string  `json:"green_items"`
	RegistrationFields []string  `json:"registration_fields"`
	ConsentPurpose     string    `json:"consent_purpose"`
}

func (h *handlers) saveEvent(c *fiber.Ctx, id int64) (event.Event, error) {
	var req eventRequest
	if err := decode(c, &req); err != nil {
		return event.Event{}, err
	}
	kind, err := event.ParseKind(req.Kind)
	if err != nil {
		return event.Event{}, err
	}
	purpose := req.ConsentPurpose
	if strings.TrimSpace(purpose) == "" {
		purpose = "用于本次活动的报名确认、签到和安全管理，活动结束后按期删除"
	}
	return h.d.Events.SaveEvent(c.UserContext(), event.Event{ID: id, Title: strings.TrimSpace(req.Title), Kind: kind, StartsAt: req.StartsAt.UTC(),
		EndsAt: req.EndsAt.UTC(), Venue: strings.TrimSpace(req.Venue), Capacity: req.Capacity, ExpectedAttendance: req.ExpectedAttendance,
		BudgetFen: req.BudgetFen, Lead: strings.TrimSpace(req.LeadName), Team: mapSlice(req.Team, func(t teamDTO) event.TeamMember { return event.TeamMember(t) }),
		Goals: req.Goals, Plan: req.Plan, Risks: mapSlice(req.Risks, func(r riskDTO) event.Risk { return event.Risk(r) }),
		IsExhibition: req.IsExhibition, ManualLarge: req.ManualLarge, Green: req.GreenItems, Fields: req.RegistrationFields, ConsentPurpose: purpose})
}

func (h *handlers) createEvent(c *fiber.Ctx) error {
	e, err := h.saveEvent(c, 0)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(h.toEventDTO(e))
}

func (h *handlers) updateEvent(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	e, err := h.saveEvent(c, id)
	if err != nil {
		return err
	}
	return c.JSON(h.toEventDTO(e))
}

func (h *handlers) getEvent(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	e, err := h.d.Events.Event(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(h.toEventDTO(e))
}

func (h *handlers) eventFilter(c *fiber.Ctx) (appevent.Filter, error) {
	f := appevent.Filter{Query: c.Query("q"), Status: event.Status(c.Query("status")), Kind: event.Kind(c.Query("kind")), Upcoming: c.Query("upcoming") == "true"}
	var err error
	if f.From, err = queryDay(c, "from", false, shanghai); err != nil {
		return f, err
	}
	if f.To, err = queryDay(c, "to", true, shanghai); err != nil {
		return f, err
	}
	return f, nil
}

func (h *handlers) listEvents(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	f, err := h.eventFilter(c)
	if err != nil {
		return err
	}
	list, err := h.d.Events.Events(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, h.toEventDTO))
}

func (h *handlers) eventAction(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := paramID(c, "id")
		if err != nil {
			return err
		}
		e, warnings, err := h.d.Events.Transition(c.UserContext(), id, action)
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"event": h.toEventDTO(e), "warnings": nonNilStrings(warnings)})
	}
}

func (h *handlers) putFiling(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req filingDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	on, err := parseDay("filed_on", req.FiledOn)
	if err != nil {
		return err
	}
	e, err := h.d.Events.RecordFiling(c.UserContext(), id, event.SafetyFiling{Authority: strings.TrimSpace(req.Authority),
		FilingNo: strings.TrimSpace(req.FilingNo), FiledOn: on, Document: req.Document})
	if err != nil {
		return err
	}
	return c.JSON(h.toEventDTO(e))
}

type inspectionRequest struct {
	Items []struct {
		Item string `json:"item"`
		OK   bool   `json:"ok"`
		Note string `json:"note"`
	} `json:"items"`
}

func (h *handlers) putInspection(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req inspectionRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	items := make([]appevent.InspectionItem, len(req.Items))
	for i, it := range req.Items {
		items[i] = appevent.InspectionItem{Item: it.Item, OK: it.OK, Note: it.Note}
	}
	e, err := h.d.Events.RecordInspection(c.UserContext(), id, items)
	if err != nil {
		return err
	}
	return c.JSON(h.toEventDTO(e))
}

func (h *handlers) putEmergency(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req emergencyDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	e, err := h.d.Events.RecordEmergencyPlan(c.UserContext(), id, event.EmergencyPlan{PublicSafety: req.PublicSafety, FoodSafety: req.FoodSafety,
		Medical: req.Medical, OnlineOpinion: req.OnlineOpinion, Procedure: req.Procedure,
		Roles:       mapSlice(req.Roles, func(t teamDTO) event.TeamMember { return event.TeamMember(t) }),
		VenueAgreed: req.VenueAgreed, VendorsAgreed: req.VendorsAgreed})
	if err != nil {
		return err
	}
	return c.JSON(h.toEventDTO(e))
}

type summaryRequest struct {
	Summary string `json:"summary"`
}

func (h *handlers) putSummary(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req summaryRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	e, err := h.d.Events.SetSummary(c.UserContext(), id, req.Summary)
	if err != nil {
		return err
	}
	return c.JSON(h.toEventDTO(e))
}

// ---- tasks and providers ----

type taskDTO struct {
	ID     int64  `json:"id"`
	Title  string `json:"title"`
	Owner  string `json:"owner"`
	DueOn  string `json:"due_on"`
	Status string `json:"status"`
}

func (h *handlers) listTasks(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	ts, err := h.d.Events.Tasks(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(ts, func(t event.Task) taskDTO { return taskDTO{t.ID, t.Title, t.Owner, day(t.DueOn), t.Status} })})
}

func (h *handlers) saveTask(c *fiber.Ctx) error {
	eventID, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var taskID int64
	if c.Params("task") != "" {
		if taskID, err = paramID(c, "task"); err != nil {
			return err
		}
	}
	var req taskDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	due, err := parseDay("due_on", req.DueOn)
	if err != nil {
		return err
	}
	t, err := h.d.Events.SaveTask(c.UserContext(), event.Task{ID: taskID, EventID: eventID, Title: strings.TrimSpace(req.Title),
		Owner: strings.TrimSpace(req.Owner), DueOn: due, Status: req.Status})
	if err != nil {
		return err
	}
	status := fiber.StatusOK
	if taskID == 0 {
		status = fiber.StatusCreated
	}
	return c.Status(status).JSON(taskDTO{t.ID, t.Title, t.Owner, day(t.DueOn), t.Status})
}

type providerDTO struct {
	ID             int64    `json:"id"`
	Name           string   `json:"name"`
	Service        string   `json:"service"`
	Qualifications []string `json:"qualifications"`
	ContractRef    string   `json:"contract_ref"`
	ContractTerms  string   `json:"contract_terms"`
	Quality        string   `json:"quality_guarantee"`
	Engaged        bool     `json:"engaged"`
}

func toProviderDTO(p event.Provider) providerDTO {
	return providerDTO{p.ID, p.Name, p.Service, nonNilStrings(p.Qualifications), p.ContractRef, p.ContractTerms, p.Quality, p.Engaged}
}

func (h *handlers) listProviders(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	ps, err := h.d.Events.Providers(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(ps, toProviderDTO)})
}

func (h *handlers) saveProvider(c *fiber.Ctx) error {
	eventID, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var providerID int64
	if c.Params("provider") != "" {
		if providerID, err = paramID(c, "provider"); err != nil {
			return err
		}
	}
	var req providerDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := h.d.Events.SaveProvider(c.UserContext(), event.Provider{ID: providerID, EventID: eventID, Name: strings.TrimSpace(req.Name),
		Service: strings.TrimSpace(req.Service), Qualifications: req.Qualifications, ContractRef: strings.TrimSpace(req.ContractRef),
		ContractTerms: req.ContractTerms, Quality: req.Quality}, req.Engaged)
	if err != nil {
		return err
	}
	status := fiber.StatusOK
	if providerID == 0 {
		status = fiber.StatusCreated
	}
	return c.Status(status).JSON(toProviderDTO(p))
}

// ---- registrations ----

type registrationDTO struct {
	ID          int64      `json:"id"`
	EventID     int64      `json:"event_id"`
	MemberID    *int64     `json:"member_id"`
	MemberName  string     `json:"member_name"`
	Name        string     `json:"name"`
	Phone       string     `json:"phone"`
	Email       string     `json:"email"`
	Company     string     `json:"company"`
	Title       string     `json:"title"`
	IDNumber    string     `json:"id_number"`
	Consent     bool       `json:"consent"`
	Purpose     string     `json:"purpose"`
	Status      string     `json:"status"`
	CheckinCode string     `json:"checkin_code,omitempty"`
	CheckedInAt *time.Time `json:"checked_in_at"`
	Score       *int       `json:"score"`
	Anonymised  bool       `json:"anonymised"`
	CreatedAt   time.Time  `json:"created_at"`
}

// toRegistrationDTO shows personal data in full to the event team only;
// an ID number is always masked (8.2.1.3). The check-in code goes to the
// registrant and to the team.
func toRegistrationDTO(r event.Registration, team, withCode bool) registrationDTO {
	out := registrationDTO{ID: r.ID, EventID: r.EventID, MemberID: r.MemberID, Name: r.Name, Phone: r.Phone, Email: r.Email,
		Company: r.Company, Title: r.Title, IDNumber: maskID(r.IDNumber), Consent: r.Consent, Purpose: r.Purpose, Status: string(r.Status),
		CheckedInAt: r.CheckedInAt, Score: r.Score, Anonymised: r.Anonymised, CreatedAt: r.CreatedAt}
	if !team {
		out.Name, out.Phone, out.Email = member.MaskName(r.Name), member.MaskPhone(r.Phone), member.MaskEmail(r.Email)
	}
	if withCode {
		out.CheckinCode = r.Code
	}
	return out
}

func maskID(s string) string {
	if len(s) < 8 {
		return strings.Repeat("*", len(s))
	}
	return s[:2] + strings.Repeat("*", len(s)-6) + s[len(s)-4:]
}

type registerRequest struct {
	Name     string `json:"name"`
	Phone    string `json:"phone"`
	Email    string `json:"email"`
	Company  string `json:"company"`
	Title    string `json:"title"`
	IDNumber string `json:"id_number"`
	Consent  bool   `json:"consent"`
	MemberID *int64 `json:"member_id"`
}

func (r registerRequest) registration() event.Registration {
	return event.Registration{Name: r.Name, Phone: r.Phone, Email: strings.TrimSpace(r.Email), Company: strings.TrimSpace(r.Company),
		Title: strings.TrimSpace(r.Title), IDNumber: strings.TrimSpace(r.IDNumber), Consent: r.Consent, MemberID: r.MemberID}
}

func (h *handlers) register(c *fiber.Ctx, eventID int64, r event.Registration) error {
	reg, err := h.d.Events.Register(c.UserContext(), eventID, r)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toRegistrationDTO(reg, true, true))
}

func (h *handlers) staffRegister(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req registerRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	return h.register(c, id, req.registration())
}

func (h *handlers) publicRegister(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req registerRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r := req.registration()
	r.MemberID = nil // a guest speaks for no unit
	return h.register(c, id, r)
}

func (h *handlers) portalRegister(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req registerRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r := req.registration()
	p, _ := app.PrincipalFrom(c.UserContext())
	r.MemberID = p.MemberID
	return h.register(c, id, r)
}

func (h *handlers) listRegistrations(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	checked, err := queryBool(c, "checked_in")
	if err != nil {
		return err
	}
	list, err := h.d.Events.Registrations(c.UserContext(), id, appevent.RegFilter{Status: event.RegStatus(c.Query("status")), CheckedIn: checked}, p)
	if err != nil {
		return err
	}
	pr, _ := app.PrincipalFrom(c.UserContext())
	team := appevent.Team(pr)
	ids := make([]int64, 0, len(list.Items))
	for _, r := range list.Items {
		if r.MemberID != nil {
			ids = append(ids, *r.MemberID)
		}
	}
	names, err := h.d.Events.MemberNames(c.UserContext(), ids)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, func(r event.Registration) registrationDTO {
		d := toRegistrationDTO(r, team, team)
		if r.MemberID != nil {
			d.MemberName = names[*r.MemberID]
		}
		return d
	}))
}

func (h *handlers) cancelRegistration(c *fiber.Ctx) error {
	eventID, err := paramID(c, "id")
	if err != nil {
		return err
	}
	regID, err := paramID(c, "reg")
	if err != nil {
		return err
	}
	r, err := h.d.Events.CancelRegistration(c.UserContext(), eventID, regID, nil)
	if err != nil {
		return err
	}
	return c.JSON(toRegistrationDTO(r, true, false))
}

func (h *handlers) portalCancelRegistration(c *fiber.Ctx) error {
	eventID, err := paramID(c, "id")
	if err != nil {
		return err
	}
	regID, err := paramID(c, "reg")
	if err != nil {
		return err
	}
	p, _ := app.PrincipalFrom(c.UserContext())
	if p.MemberID == nil {
		return errs.NotFound("registration")
	}
	r, err := h.d.Events.CancelRegistration(c.UserContext(), eventID, regID, p.MemberID)
	if err != nil {
		return err
	}
	return c.JSON(toRegistrationDTO(r, true, false))
}

type codeRequest struct {
	Code string `json:"code"`
}

func (h *handlers) checkin(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req codeRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := h.d.Events.CheckIn(c.UserContext(), id, req.Code)
	if err != nil {
		return err
	}
	return c.JSON(toRegistrationDTO(r, true, false))
}

type surveyRequest struct {
	Code    string `json:"code"`
	Score   int    `json:"score"`
	Comment string `json:"comment"`
}

func (h *handlers) survey(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req surveyRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := h.d.Events.Survey(c.UserContext(), id, req.Code, req.Score, req.Comment); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) eventStats(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	s, err := h.d.Events.Stats(c.UserContext(), id)
	if err != nil {
		return err
	}
	out := fiber.Map{"registered": s.Registered, "waitlisted": s.Waitlisted, "cancelled": s.Cancelled, "checked_in": s.CheckedIn,
		"attendance_rate_bp": 0, "satisfaction": nil, "responses": s.Scores}
	if s.Registered > 0 {
		out["attendance_rate_bp"] = s.CheckedIn * 10000 / s.Registered
	}
	if s.Scores > 0 {
		out["satisfaction"] = float64(s.ScoreSum*100/s.Scores) / 100
	}
	return c.JSON(out)
}

// exportRegistrations writes the attendee list, masked by the viewer's
// role; ID numbers are never exported (8.2.1.3). Every export is audited
// with its purpose.
func (h *handlers) exportRegistrations(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	purpose := strings.TrimSpace(c.Query("purpose"))
	if purpose == "" {
		return errs.Field("purpose", "required")
	}
	pr, _ := app.PrincipalFrom(c.UserContext())
	team := appevent.Team(pr)
	var rows [][]string
	err = h.d.Events.EachRegistration(c.UserContext(), id, func(r event.Registration) error {
		d := toRegistrationDTO(r, team, false)
		checked := ""
		if r.CheckedInAt != nil {
			checked = r.CheckedInAt.In(shanghai).Format("2006-01-02 15:04")
		}
		rows = append(rows, []string{d.Name, d.Phone, d.Company, d.Title, d.Email, d.Status, checked})
		return nil
	})
	if err != nil {
		return err
	}
	if err := h.d.Events.AuditExport(c.UserContext(), id, purpose, len(rows)); err != nil {
		return err
	}
	i := 0
	return sendTempXLSX(c, "registrations.xlsx", func(f *os.File) error {
		_, err := h.d.Sheets.Write(f, "报名名单", []string{"姓名", "电话", "单位", "职务", "邮箱", "状态", "签到时间"}, func() ([]string, error) {
			if i == len(rows) {
				return nil, errEOF
			}
			i++
			return rows[i-1], nil
		})
		return err
	})
}

// ---- public and portal views ----

// publicEventDTO is what a guest sees: no plan, team or safety details.
type publicEventDTO struct {
	ID                 int64     `json:"id"`
	Title              string    `json:"title"`
	Kind               string    `json:"kind"`
	StartsAt           time.Time `json:"starts_at"`
	EndsAt             time.Time `json:"ends_at"`
	Venue              string    `json:"venue"`
	Status             string    `json:"status"`
	RegistrationFields []string  `json:"registration_fields"`
	ConsentPurpose     string    `json:"consent_purpose"`
	PlacesLeft         int       `json:"places_left"`
}

func (h *handlers) publicEventView(c *fiber.Ctx, e event.Event) (publicEventDTO, error) {
	s, err := h.d.Events.Stats(c.UserContext(), e.ID)
	if err != nil {
		return publicEventDTO{}, err
	}
	return publicEventDTO{e.ID, e.Title, string(e.Kind), e.StartsAt, e.EndsAt, e.Venue, string(e.Status), nonNilStrings(e.Fields),
		e.ConsentPurpose, max(0, e.Capacity-s.Registered)}, nil
}

func (h *handlers) publicEvents(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	list, err := h.d.Events.Events(c.UserContext(), appevent.Filter{Upcoming: true}, p)
	if err != nil {
		return err
	}
	out := listBody[publicEventDTO]{Items: []publicEventDTO{}, Total: list.Total, Page: list.Page, PageSize: list.PageSize}
	for _, e := range list.Items {
		v, err := h.publicEventView(c, e)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, v)
	}
	return c.JSON(out)
}

func (h *handlers) publicEvent(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	e, err := h.d.Events.Event(c.UserContext(), id)
	if err != nil {
		return err
	}
	if e.Status != event.Published && e.Status != event.Held {
		return errs.NotFound("event")
	}
	v, err := h.publicEventView(c, e)
	if err != nil {
		return err
	}
	return c.JSON(v)
}

func (h *handlers) portalRegistrations(c *fiber.Ctx) error {
	rs, err := h.d.Events.MyRegistrations(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(rs, func(r event.Registration) registrationDTO { return toRegistrationDTO(r, true, true) })})
}
