package api

import (
	"fmt"
	"strings"
)

// lang is the language of a response.
type lang int

const (
	zh lang = iota
	en
)

// langOf picks English only when the client asks for it first.
func langOf(acceptLanguage string) lang {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(acceptLanguage)), "en") {
		return en
	}
	return zh
}

// text is one message in both languages; {name} placeholders are filled from
// the error's parameters.
type text struct{ zh, en string }

// messages maps error codes to messages. Modules add their codes here.
var messages = map[string]text{
	"request.invalid_fields":             {"请求内容有误，请检查标注的字段", "Some fields are invalid"},
	"request.invalid_field":              {"请求内容有误，请检查标注的字段", "A field is invalid"},
	"request.malformed_json":             {"请求体不是有效的 JSON", "The request body is not valid JSON"},
	"request.empty_body":                 {"请求体为空", "The request body is empty"},
	"request.content_type":               {"请求体必须是 JSON（Content-Type: application/json）", "The request body must be JSON (Content-Type: application/json)"},
	"request.too_large":                  {"请求体超过大小上限", "The request body is too large"},
	"request.invalid_query":              {"查询参数有误", "A query parameter is invalid"},
	"not_found":                          {"未找到该资源", "Not found"},
	"method.not_allowed":                 {"不支持该请求方法", "Method not allowed"},
	"conflict.duplicate":                 {"记录已存在", "The record already exists"},
	"internal":                           {"服务器内部错误，请稍后再试（请求号 {request_id}）", "Internal error; please try again (request {request_id})"},
	"db.unavailable":                     {"数据库暂不可用，请稍后再试", "The database is unavailable; please try again shortly"},
	"rate.limited":                       {"请求过于频繁，请 {retry_after} 秒后再试", "Too many attempts; try again in {retry_after} seconds"},
	"auth.invalid_credentials":           {"用户名或密码错误", "Wrong username or password"},
	"auth.locked":                        {"登录失败次数过多，账户已锁定，请 {retry_after} 秒后再试", "Too many failed logins; the account is locked, try again in {retry_after} seconds"},
	"auth.disabled":                      {"账户已停用，请联系管理员", "This account is disabled; contact the administrator"},
	"auth.unauthenticated":               {"请先登录", "Please log in"},
	"auth.session_expired":               {"会话已过期，请重新登录", "Your session has expired; please log in again"},
	"csrf.invalid":                       {"安全校验失败，请刷新页面后重试", "Security check failed; reload the page and try again"},
	"rbac.forbidden":                     {"无权执行此操作", "You are not allowed to do this"},
	"user.not_found":                     {"用户不存在", "No such user"},
	"user.username_taken":                {"用户名已被使用", "That username is taken"},
	"user.member_link_needs_member_role": {"只有“会员单位联系人”角色的用户可以关联会员单位", "Only a member-unit contact can be linked to a member unit"},
	"user.cannot_disable_self":           {"不能停用自己的账户", "You cannot disable your own account"},
	"user.cannot_drop_own_admin":         {"不能移除自己的管理员角色", "You cannot remove your own administrator role"},
	"finding_rule.not_found":             {"未知的合规规则", "Unknown compliance rule"},
	"tier.not_found":                     {"会员层级不存在", "No such member tier"},
	"tier.name_taken":                    {"层级名称已存在", "A tier with that name exists"},
	"tier.limit":                         {"会员层级最多 {max} 个（8.1.1.1）", "At most {max} member tiers (8.1.1.1)"},
	"member.not_found":                   {"会员单位不存在", "No such member unit"},
	"member.uscc_invalid":                {"统一社会信用代码不正确", "The unified social credit code is invalid"},
	"member.uscc_taken":                  {"该统一社会信用代码已登记", "That unified social credit code is already registered"},
	"member.unit_type_not_eligible":      {"会员应为法人单位：分公司、合伙企业、个人独资企业、个体工商户和国家机关不能入会（8.1.2.1）", "Members must be legal persons: branches, partnerships, sole proprietorships, individual businesses and state organs cannot join (8.1.2.1)"},
	"member.uscc_not_eligible":           {"该信用代码属于国家机关或个体工商户，不能入会（8.1.2.1）", "The code belongs to a state organ or an individual business, which cannot join (8.1.2.1)"},
	"member.overseas_not_eligible":       {"境外组织不能入会（8.1.2.1）", "Overseas organisations cannot join (8.1.2.1)"},
	"member.charter_not_accepted":        {"入会须承认本会章程（8.1.2.1）", "Joining requires accepting the charter (8.1.2.1)"},
	"member.roster_incomplete":           {"会员名册信息不完整，不能激活（8.1.2.3）", "The roster entry is incomplete; the unit cannot be activated (8.1.2.3)"},
	"member.not_applicant":               {"只有申请中的单位可以批准", "Only an applicant can be approved"},
	"member.not_active":                  {"只有正常状态的会员可以暂停", "Only an active member can be suspended"},
	"member.not_suspended":               {"该会员未处于暂停状态", "The member is not suspended"},
	"member.already_left":                {"该单位已退会或被除名", "The unit has already left"},
	"member.not_a_member":                {"只有现有会员可以除名", "Only a current member can be expelled"},
	"member.search_field_hidden":         {"无权按该字段检索", "You may not search by that field"},
	"member.import_rejected":             {"导入未执行：共 {count} 处错误，请修改后重新导入（未写入任何数据）", "Import not done: {count} problems; fix them and import again (nothing was written)"},
	"member.import_corrupt":              {"文件无法读取，请上传 .xlsx 格式的会员名册", "The file cannot be read; upload the roster as .xlsx"},
	"member.import_template":             {"文件不是会员导入模板：缺少列 {missing}", "The file is not the member import template: missing columns {missing}"},
	"member.import_empty":                {"文件中没有会员数据", "The file has no member rows"},
	"member.import_too_many_rows":        {"一次最多导入 {max} 行", "At most {max} rows per import"},
	"member.import_too_large":            {"文件超过 {max_mb} MB", "The file is larger than {max_mb} MB"},
	"member.import_type":                 {"请上传 .xlsx 文件", "Upload an .xlsx file"},
	"member.import_no_file":              {"请选择要导入的文件", "Choose a file to import"},
	"association.profile_missing":        {"请先在“本会信息”中登记本会的规范全称（7.1.2.3）", "Record the association's registered full name first (7.1.2.3)"},
	"body.not_found":                     {"机构不存在", "No such body"},
	"body.kind_fixed":                    {"机构类型不能更改", "A body's kind cannot change"},
	"meeting.not_found":                  {"会议不存在", "No such meeting"},
	"resolution.not_found":               {"决议不存在", "No such resolution"},
	"resolution.inquorate":               {"会议未达法定人数（出席 {attending}/{seats}），不能形成决议", "The meeting was not quorate ({attending} of {seats} attended); it cannot resolve"},
	"resolution.supersede_mismatch":      {"更正决议须与原决议为同一机构、同一类型", "A correcting resolution must be of the same body and kind"},
	"resolution.already_superseded":      {"该决议已被更正", "That resolution was already superseded"},
	"position.undefined":                 {"该职务的职权、任免方式或任期尚未明确，不能任命（7.1.2.2）", "The position's powers, appointment, removal or term are not defined; no one can be appointed (7.1.2.2)"},
	"position.term_limit":                {"专职会长、秘书长连任不得超过 {max} 届（7.3.3.1）", "A full-time president or secretary-general may not serve more than {max} consecutive terms (7.3.3.1)"},
	"position.already_held":              {"该人员已担任本届此职务", "The person already holds this position for that term"},
	"branch.name_prefix":                 {"分支（代表）机构名称应冠以本会规范全称“{full_name}”（7.1.2.3）", "A branch's name must begin with the association's registered full name “{full_name}” (7.1.2.3)"},
	"branch.office_suffix":               {"代表机构名称应以“代表处”“办事处”或“联络处”结束（7.1.2.3）", "A representative office's name must end with 代表处, 办事处 or 联络处 (7.1.2.3)"},
	"branch.regional":                    {"不得设立地域性分支（代表）机构（7.1.2.4）", "Regional branches or offices may not be set up (7.1.2.4)"},
	"branch.own_charter":                 {"分支（代表）机构不得另行制定章程（7.1.2.3）", "A branch has no charter of its own (7.1.2.3)"},
	"branch.place_review_pending":        {"名称含地名，须先审查确认非地域性机构（7.1.2.4）", "The name holds a place name: a review must confirm it is not regional first (7.1.2.4)"},
	"branch.no_review_pending":           {"该机构无待审查事项", "Nothing awaits review for this branch"},
	"branch.suffix_listed":               {"名称后缀已在规定范围内，无需审查", "The suffix is in the list; no review is needed"},
	"branch.not_activatable":             {"当前状态不能执行该操作", "Not possible in the branch's current status"},
	"branch.not_found":                   {"分支机构不存在", "No such branch"},
	"branch.name_taken":                  {"名称已存在", "That name exists already"},
	"fee.resolution_invalid":             {"会费标准须经会员（代表）大会表决通过，请引用已通过的会费标准决议（8.1.1.2）", "A fee standard needs a passed fee-standard resolution of the general assembly (8.1.1.2)"},
	"fee.resolution_after_effect":        {"会费标准决议须在 {year} 年 1 月 1 日生效前作出（8.1.1.2）", "The resolution must precede 1 January {year}, when the standard takes effect (8.1.1.2)"},
	"fee.standard_exists":                {"该层级本年度已有会费标准", "That tier already has a standard for the year"},
	"fee.too_many_standards":             {"同一年度会费档次不得超过 4 级（8.1.1.1）", "At most four fee grades per year (8.1.1.1)"},
	"bill.not_found":                     {"账单不存在", "No such bill"},
	"bill.member_not_current":            {"该单位不是现有会员，不能开具会费账单", "The unit is not a current member and cannot be billed"},
	"bill.no_standard":                   {"该层级 {year} 年度尚无会费标准（8.1.1.2）", "The tier has no fee standard for {year} (8.1.1.2)"},
	"bill.double_collection":             {"该单位 {year} 年度会费已由本会或分支机构收取，不得重复收取（8.1.1.3）", "The unit's {year} dues are already billed by the association or a branch; no double collection (8.1.1.3)"},
	"bill.cancelled":                     {"账单已作废", "The bill is cancelled"},
	"bill.has_payments":                  {"账单已有缴费，须先冲销", "The bill has payments; reverse them first"},
	"payment.not_found":                  {"缴费记录不存在", "No such payment"},
	"payment.overpayment":                {"缴费金额超过未缴金额（¥{outstanding}）", "The amount exceeds what is outstanding (¥{outstanding})"},
	"payment.bill_cancelled":             {"账单已作废，不能缴费", "The bill is cancelled; it cannot be paid"},
	"payment.already_reversed":           {"该笔缴费已冲销", "The payment was already reversed"},
	"payment.reverse_reversal":           {"冲销记录不能再冲销", "A reversal cannot be reversed"},
	"idempotency.mismatch":               {"同一 Idempotency-Key 已用于不同的请求", "That Idempotency-Key was used for a different request"},
	"fund.no_keeper":                     {"会费专账尚未指定专人管理，不能记账（8.1.1.3）", "The fee fund has no named keeper; nothing can be posted (8.1.1.3)"},
	"fund.not_reversible":                {"只能冲销支出记录", "Only an expense can be reversed"},
	"fund.already_reversed":              {"该笔支出已冲销", "The expense was already reversed"},
	"fund_entry.not_found":               {"记账记录不存在", "No such entry"},
	"disclosure.not_found":               {"公示不存在", "No such disclosure"},
	"disclosure.not_draft":               {"只能复核草稿", "Only a draft can be verified"},
	"disclosure.self_verify":             {"公示须由起草人以外的人员复核（7.3.4.3）", "Someone other than the author must verify (7.3.4.3)"},
	"disclosure.self_approve":            {"起草人不能审批本人起草的公示（7.3.4.3）", "The author cannot approve their own disclosure (7.3.4.3)"},
	"disclosure.not_verified":            {"公示须先复核再审批（7.3.4.3）", "Verify before approval (7.3.4.3)"},
	"disclosure.not_approved":            {"公示须经会长办公会审批后发布（7.3.4.3）", "Publish only after the board's approval (7.3.4.3)"},
	"disclosure.not_published":           {"只有已发布的公示可以修订", "Only a published disclosure can be revised"},
	"disclosure.published_use_revision":  {"本年度公示已发布，更正请发布修订版", "The year's disclosure is published; publish a revision to correct it"},
	"disclosure.approved":                {"公示已审批，待发布", "The disclosure is approved and awaits publication"},
	"disclosure.board_only":              {"公示须由会长办公会审批", "Only the president's office meeting approves a disclosure"},
	"feedback.not_found":                 {"意见不存在", "No such feedback"},
	"notice.not_found":                   {"通知不存在", "No such notice"},
	"event.not_found":                    {"活动不存在", "No such event"},
	"event.no_lead":                      {"活动须明确项目总负责人后才能发布（8.2.1.1）", "Name the event's overall lead before it leaves planning (8.2.1.1)"},
	"event.not_draft":                    {"只有策划中的活动可以发布", "Only an event in planning can be published"},
	"event.not_published":                {"活动须先发布（开放报名）", "Publish the event first"},
	"event.not_held":                     {"活动尚未举办", "The event has not been held"},
	"event.not_cancellable":              {"已结束或已取消的活动不能取消", "A closed or cancelled event cannot be cancelled"},
	"event.finished":                     {"活动已结束或取消，不能修改", "The event is finished; it cannot change"},
	"event.gate_incomplete":              {"大型活动安全条件未齐，不能举办和签到（8.2.1.4）：{missing}", "The large event's safety gate is incomplete; it cannot be held (8.2.1.4): {missing}"},
	"event.registration_closed":          {"活动未开放报名", "Registration is not open"},
	"registration.not_found":             {"报名记录不存在", "No such registration"},
	"registration.duplicate":             {"该手机号已报名本活动", "That phone number is already registered for this event"},
	"registration.cancelled":             {"报名已取消", "The registration is already cancelled"},
	"checkin.not_open":                   {"活动未在进行中，签到未开放", "Check-in is open only while the event is held"},
	"checkin.not_registered":             {"该报名不在正式名单中（候补或已取消）", "The registration is waitlisted or cancelled"},
	"checkin.already":                    {"该签到码已使用", "That code has already been used"},
	"checkin.unknown_code":               {"签到码无效", "Unknown check-in code"},
	"survey.not_attended":                {"签到后才能评价", "Only attendees can answer the survey"},
	"survey.done":                        {"已提交过评价", "The survey was already answered"},
	"provider.no_contract":               {"服务商须签订明确履约内容、责任和质量保障的合同后方可确定（8.2.1.2）", "A provider is engaged only under a contract with terms and quality guarantee (8.2.1.2)"},
	"provider.not_found":                 {"服务商不存在", "No such provider"},
	"task.not_found":                     {"任务不存在", "No such task"},
	"change_request.not_found":           {"变更申请不存在", "No such change request"},
	"change_request.decided":             {"该变更申请已处理", "The change request was already decided"},
}

// fieldMessages maps field codes to messages.
var fieldMessages = map[string]text{
	"required":                {"必填", "required"},
	"invalid":                 {"格式不正确", "invalid"},
	"type":                    {"类型不正确", "wrong type"},
	"unknown_field":           {"不支持的字段", "unknown field"},
	"too_long":                {"过长", "too long"},
	"min":                     {"不能小于 {min}", "must be at least {min}"},
	"range":                   {"应在 {min} 到 {max} 之间", "must be between {min} and {max}"},
	"date":                    {"日期格式应为 YYYY-MM-DD", "date must be YYYY-MM-DD"},
	"username_format":         {"3–64 位小写字母、数字、点、下划线或连字符，以字母或数字开头", "3–64 lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit"},
	"password_too_short":      {"密码至少 {min} 位", "at least {min} characters"},
	"unknown_role":            {"未知角色", "unknown role"},
	"unknown_locale":          {"不支持的语言", "unsupported language"},
	"member_unknown":          {"会员单位不存在", "no such member unit"},
	"taken":                   {"已被使用", "already taken"},
	"sort":                    {"不支持的排序字段", "unsupported sort"},
	"positive_fen":            {"应为正整数（分）", "must be a positive whole number of fen"},
	"tier_unknown":            {"会员层级不存在或未启用", "no such active tier"},
	"uscc_length":             {"应为 18 位", "must be 18 characters"},
	"uscc_charset":            {"含有不允许的字符（不使用 I、O、S、V、Z）", "contains characters not allowed (no I, O, S, V, Z)"},
	"uscc_division":           {"第 3–8 位应为行政区划数字", "positions 3–8 must be the numeric division code"},
	"uscc_check":              {"校验位错误", "wrong check character"},
	"phone":                   {"电话号码格式不正确", "invalid phone number"},
	"email":                   {"邮箱格式不正确", "invalid email"},
	"contact_name":            {"联络人须填写姓名", "each contact needs a name"},
	"contact_reach":           {"联络人须有电话或邮箱", "each contact needs a phone or an email"},
	"after_start":             {"应晚于开始日期", "must be after the start"},
	"ratio":                   {"比例无效", "invalid ratio"},
	"seat":                    {"每个席位须为会员单位或人员姓名之一", "each seat is a member unit or a person's name"},
	"duplicate":               {"有重复", "has duplicates"},
	"not_a_seat":              {"有出席者不是该机构成员", "an attendee is not a member of the body"},
	"presence":                {"出席状态应为 present、proxy 或 absent", "status must be present, proxy or absent"},
	"more_than_seats":         {"出席人数超过席位数", "more attendees than seats"},
	"no_seats":                {"该机构没有成员", "the body has no members"},
	"body_unknown":            {"机构不存在", "no such body"},
	"votes_exceed_attendance": {"票数合计超过出席人数（{attending}）", "votes exceed the attendance ({attending})"},
	"resolution_unknown":      {"决议不存在", "no such resolution"},
	"resolution_not_passed":   {"该决议未获通过", "the resolution did not pass"},
	"resolution_superseded":   {"该决议已被更正", "the resolution was superseded"},
	"resolution_wrong_kind":   {"决议类型不符", "the resolution is of another kind"},
	"resolution_wrong_body":   {"决议的表决机构不符", "the resolution was taken by another body"},
	"year":                    {"年度无效", "invalid year"},
	"bill_unknown":            {"账单不存在", "no such bill"},
	"branch_unknown":          {"分支机构不存在或未启用", "no such active branch"},
	"not_collected":           {"本活动报名表不收集此项", "this form does not collect it"},
	"consent_required":        {"须同意个人信息的收集和使用目的", "consent to the stated purpose is required"},
	"duplicate_in_file":       {"与第 {row} 行重复", "repeats row {row}"},
	"yes_no":                  {"应填“是”或“否”", "must be 是 or 否 (yes/no)"},
	"xlsx":                    {"应为 .xlsx 文件", "must be an .xlsx file"},
	"template":                {"不是导入模板", "not the import template"},
	"positive":                {"应为正数", "must be positive"},
	"warning":                 {"风险预警须有内容、日期和等级（low/medium/high）", "each warning needs text, a date and a level (low/medium/high)"},
}

// render fills {name} placeholders.
func render(t text, l lang, params map[string]any) string {
	s := t.zh
	if l == en {
		s = t.en
	}
	for k, v := range params {
		s = strings.ReplaceAll(s, "{"+k+"}", fmt.Sprint(v))
	}
	return s
}
