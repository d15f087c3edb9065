using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>What one notification produced: the method used and the row written (or found from a retry).</summary>
    public sealed class NotificationOutcome
    {
        public NotificationOutcome(int contactMethod, EntityReference? row, bool created, IReadOnlyList<string> fallbacks)
        {
            ContactMethod = contactMethod; Row = row; Created = created; Fallbacks = fallbacks;
        }

        /// <summary>The taz_contactmethod value used; 0 when the beneficiary has no usable contact details.</summary>
        public int ContactMethod { get; }
        public EntityReference? Row { get; }
        public bool Created { get; }
        public IReadOnlyList<string> Fallbacks { get; }
    }

    /// <summary>Renders an event's bilingual text and writes it over the beneficiary's contact method
    /// (G0, G3, S5). Each event key maps to one deterministic row id, so a retried step writes nothing twice.</summary>
    [PolicyClause("G0", "G3", "S5")]
    public sealed class BeneficiaryNotifier
    {
        private readonly IOrganizationService _service;
        private readonly ITracingService _trace;
        private readonly ISmsProvider _sms;

        public BeneficiaryNotifier(IOrganizationService service, ITracingService trace, ISmsProvider? smsProvider = null)
        {
            _service = service;
            _trace = trace;
            _sms = smsProvider ?? new RecordOnlySmsProvider();
        }

        /// <param name="beneficiary">Who is told; null means the request's beneficiary.</param>
        /// <param name="eventKey">Identifies the business event (e.g. "decision|{requestid}"); the same key never notifies twice.</param>
        public NotificationOutcome Notify(NotificationEvent @event, EntityReference? beneficiary, EntityReference? supportRequest,
            string eventKey, DateTime nowUtc, IDictionary<string, string>? extraValues = null)
        {
            if (beneficiary == null && supportRequest == null) throw PolicyMessages.G0_NoBeneficiaryToNotify.ToException();
            var id = DeterministicId.For("notify|" + eventKey);
            // One query: the request, its beneficiary and researcher, and whether a previous attempt wrote this id.
            var template = NotificationTemplates.For(@event);
            var subject = NotificationSubject.Load(_service, beneficiary, supportRequest, id, template.Placeholders.Contains("ResearcherName"));
            var person = subject.Person;
            if (beneficiary == null && person == null) throw PolicyMessages.G0_NoBeneficiaryToNotify.ToException();
            if (subject.Existing != null)
            {
                _trace.Trace("Notification {0} already written as {1} {2}; nothing to do.", eventKey, subject.Existing.LogicalName, id);
                return new NotificationOutcome(MethodOfTable(subject.Existing.LogicalName), subject.Existing, false, Array.Empty<string>());
            }

            // Someone other than the request's beneficiary (or a request whose beneficiary link was not readable).
            if (person == null || (beneficiary != null && person.Id != beneficiary.Id))
                person = _service.Retrieve(EntityNames.Beneficiary, beneficiary!.Id, new ColumnSet(NotificationSubject.BeneficiaryColumns));
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (extraValues != null) foreach (var pair in extraValues) values[pair.Key] = pair.Value;
            var name = person.GetAttributeValue<string>("taz_name");
            if (!string.IsNullOrWhiteSpace(name)) values["BeneficiaryName"] = name;
            if (subject.Request != null) NotificationValues.AddRequestValues(subject.Request, values, subject.ResearcherName);
            var message = TemplateRenderer.Render(template, values);

            var preferred = person.GetAttributeValue<OptionSetValue>("taz_contactmethod")?.Value;
            var fallbacks = new List<string>();
            foreach (var method in ContactMethod.AttemptOrder(preferred))
            {
                var missing = MissingDetail(person, method);
                if (missing != null)
                {
                    var note = ContactMethod.NameOf(method) + " skipped: no " + missing;
                    fallbacks.Add(note);
                    _trace.Trace("Notification {0}: {1}; falling back to the next contact method.", eventKey, note);
                    continue;
                }
                var row = Build(method, id, person, supportRequest, message, @event, nowUtc);
                _service.Create(row);
                _trace.Trace("Notification {0} written as {1} {2} ({3}).", eventKey, row.LogicalName, id, ContactMethod.NameOf(method));
                return new NotificationOutcome(method, new EntityReference(row.LogicalName, id), true, fallbacks);
            }

            _trace.Trace("Notification {0}: the beneficiary has no usable contact details; nothing was written.", eventKey);
            return new NotificationOutcome(0, null, false, fallbacks);
        }

        private static string? MissingDetail(Entity person, int method)
        {
            switch (method)
            {
                case ContactMethod.Sms:
                case ContactMethod.PhoneCall:
                    return string.IsNullOrWhiteSpace(person.GetAttributeValue<string>("taz_mobile")) ? "mobile number" : null;
                case ContactMethod.Email:
                    return string.IsNullOrWhiteSpace(person.GetAttributeValue<string>("taz_email")) ? "email address" : null;
                case ContactMethod.PortalNotification:
                    return person.GetAttributeValue<EntityReference>("taz_portalcontactid") == null ? "portal account" : null;
                case ContactMethod.Letter:
                    return string.IsNullOrWhiteSpace(person.GetAttributeValue<string>("taz_address")) ? "postal address" : null;
                default:
                    return "supported channel";
            }
        }

        private Entity Build(int method, Guid id, Entity person, EntityReference? request, RenderedMessage message, NotificationEvent @event, DateTime nowUtc)
        {
            var regarding = request ?? person.ToEntityReference();
            switch (method)
            {
                case ContactMethod.Sms:
                {
                    var mobile = person.GetAttributeValue<string>("taz_mobile");
                    var sent = _sms.Send(mobile, message.Body);
                    var row = Activity(EntityNames.SmsMessage, id, message.Title, message.Body, regarding);
                    row["taz_mobile"] = mobile;
                    row["taz_provider"] = _sms.Name;
                    row["taz_deliverystatus"] = sent.DeliveryStatus;
                    if (sent.ProviderMessageId != null) row["taz_providermessageid"] = sent.ProviderMessageId;
                    return row;
                }
                case ContactMethod.Email:
                {
                    var row = Activity("email", id, message.Title, message.Body, regarding);
                    var to = new Entity("activityparty");
                    to["addressused"] = person.GetAttributeValue<string>("taz_email");
                    row["to"] = new EntityCollection(new List<Entity> { to });
                    row["directioncode"] = true;
                    return row;
                }
                case ContactMethod.PortalNotification:
                {
                    var row = new Entity(EntityNames.PortalNotification, id);
                    row["taz_name"] = Truncate(message.Title, 200);
                    row["taz_beneficiaryid"] = person.ToEntityReference();
                    if (request != null) row["taz_supportrequestid"] = request;
                    row["taz_body"] = Truncate(message.Body, 4000);
                    row["taz_event"] = @event.ToString();
                    return row;
                }
                case ContactMethod.Letter:
                {
                    var row = Activity("letter", id, message.Title, PrintableLetter(person, message, nowUtc), regarding);
                    row["address"] = person.GetAttributeValue<string>("taz_address");
                    row["directioncode"] = true;
                    return row;
                }
                default:
                {
                    // Phone call: staff read the message to the beneficiary; the activity is their to-do and record.
                    var row = Activity("phonecall", id, message.Title, message.Body, regarding);
                    row["phonenumber"] = person.GetAttributeValue<string>("taz_mobile");
                    row["directioncode"] = true;
                    return row;
                }
            }
        }

        /// <summary>A letter laid out for printing: date (Hijri and Gregorian), addressee, body in both languages.</summary>
        public static string PrintableLetter(Entity person, RenderedMessage message, DateTime nowUtc) =>
            "التاريخ: " + CommitteeDueDate.HijriTextAr(nowUtc) + " الموافق " + CommitteeDueDate.GregorianText(nowUtc) + "\n" +
            "إلى: " + person.GetAttributeValue<string>("taz_name") + "\n" +
            person.GetAttributeValue<string>("taz_address") + "\n\n" +
            message.TitleAr + "\n" + message.BodyAr + "\n\n" +
            "----------------------------------------\n" +
            "Date: " + CommitteeDueDate.GregorianText(nowUtc) + "\n" +
            "To: " + person.GetAttributeValue<string>("taz_name") + "\n\n" +
            message.TitleEn + "\n" + message.BodyEn + "\n";

        private static Entity Activity(string entity, Guid id, string subject, string description, EntityReference regarding)
        {
            var row = new Entity(entity, id);
            row["subject"] = Truncate(subject, 200);
            row["description"] = description;
            row["regardingobjectid"] = regarding;
            return row;
        }

        private static int MethodOfTable(string table)
        {
            switch (table)
            {
                case EntityNames.SmsMessage: return ContactMethod.Sms;
                case "email": return ContactMethod.Email;
                case EntityNames.PortalNotification: return ContactMethod.PortalNotification;
                case "letter": return ContactMethod.Letter;
                default: return ContactMethod.PhoneCall;
            }
        }

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max);
    }
}
