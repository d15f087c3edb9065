using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Pipeline;
using Taazeez.Crm.Emulator.Query;
using Taazeez.Crm.Emulator.Store;

namespace Taazeez.Crm.Emulator.Service
{
    /// <summary>The core operation (stage 30) of each message, and the request normalisation that runs before the
    /// pipeline so the steps see the message Dataverse would show them (SetState arrives as Update).</summary>
    internal static class CoreOperations
    {
        public static void Prepare(Invocation invocation, Organization org)
        {
            var parameters = invocation.Request.Parameters;
            switch (invocation.MessageName)
            {
                case "Create":
                    var created = Target<Entity>(invocation);
                    invocation.EntityName = created.LogicalName;
                    org.Store.RequireTable(created.LogicalName);
                    break;
                case "Update":
                    var updated = Target<Entity>(invocation);
                    invocation.EntityName = updated.LogicalName;
                    var table = org.Store.RequireTable(updated.LogicalName);
                    updated.Id = ResolveId(updated, table, org);
                    invocation.EntityId = updated.Id;
                    break;
                case "Delete" or "Retrieve" or "Assign" or "Associate" or "Disassociate":
                    var reference = Target<EntityReference>(invocation);
                    invocation.EntityName = reference.LogicalName;
                    org.Store.RequireTable(reference.LogicalName);
                    invocation.EntityId = reference.Id;
                    break;
                case "SetState" or "SetStateDynamicEntity":
                    // Dataverse runs SetState as an Update of statecode/statuscode: steps registered on Update fire.
                    var moniker = (EntityReference)parameters["EntityMoniker"];
                    var state = (OptionSetValue)parameters["State"];
                    var status = parameters.TryGetValue("Status", out var s) && s is OptionSetValue { Value: not -1 } given
                        ? given : new OptionSetValue(org.Store.RequireTable(moniker.LogicalName).DefaultStatusOf(state.Value));
                    parameters.Clear();
                    parameters["Target"] = new Entity(moniker.LogicalName, moniker.Id) { ["statecode"] = state, ["statuscode"] = status };
                    invocation.MessageName = "Update";
                    invocation.Response = new SetStateResponse();
                    Prepare(invocation, org);
                    return;
                case "RetrieveMultiple":
                    invocation.EntityName = QueryEntity(parameters["Query"]);
                    break;
                case "Upsert":
                    var upserted = Target<Entity>(invocation);
                    invocation.EntityName = upserted.LogicalName;
                    org.Store.RequireTable(upserted.LogicalName);
                    break;
                case "WhoAmI" or "SendEmail":
                    break;
                default:
                    var api = org.CustomApi(invocation.MessageName)
                        ?? throw DataverseFaults.Create(DataverseFaults.UnrecognizedRequest, $"Request '{invocation.MessageName}' was not recognized.");
                    CustomApis.CheckParameters(api, parameters);
                    invocation.EntityName = api.BoundEntity;
                    if (api.BoundEntity != null && parameters.TryGetValue("Target", out var bound) && bound is EntityReference boundRef)
                        invocation.EntityId = boundRef.Id;
                    break;
            }
            invocation.Response = invocation.MessageName switch
            {
                _ when invocation.Response is SetStateResponse => invocation.Response,
                "Create" => new CreateResponse(),
                "Update" => new UpdateResponse(),
                "Delete" => new DeleteResponse(),
                "Retrieve" => new RetrieveResponse(),
                "RetrieveMultiple" => new RetrieveMultipleResponse(),
                "Associate" => new AssociateResponse(),
                "Disassociate" => new DisassociateResponse(),
                "Assign" => new AssignResponse(),
                "Upsert" => new UpsertResponse(),
                "WhoAmI" => new WhoAmIResponse(),
                "SendEmail" => new SendEmailResponse(),
                _ => new OrganizationResponse { ResponseName = invocation.MessageName },
            };
        }

        public static void Execute(Invocation invocation, Organization org)
        {
            var parameters = invocation.Request.Parameters;
            var results = invocation.Response.Results;
            switch (invocation.MessageName)
            {
                case "Create":
                    results["id"] = Create(Target<Entity>(invocation), invocation, org);
                    break;
                case "Update":
                    Update(Target<Entity>(invocation), invocation, org,
                        parameters.TryGetValue("ConcurrencyBehavior", out var cb) && cb is ConcurrencyBehavior b ? b : ConcurrencyBehavior.Default);
                    break;
                case "Delete":
                    Delete(Target<EntityReference>(invocation), org,
                        parameters.TryGetValue("ConcurrencyBehavior", out var dcb) && dcb is ConcurrencyBehavior db ? db : ConcurrencyBehavior.Default);
                    break;
                case "Retrieve":
                    var reference = Target<EntityReference>(invocation);
                    results["Entity"] = Retrieve(reference.LogicalName, reference.Id, (ColumnSet)parameters["ColumnSet"], org);
                    break;
                case "RetrieveMultiple":
                    results["EntityCollection"] = QueryEngine.Execute((QueryBase)parameters["Query"], org.Store, org.Clock.UtcNow, invocation.Caller.UserId);
                    break;
                case "Assign":
                    var assigned = Target<EntityReference>(invocation);
                    Update(new Entity(assigned.LogicalName, assigned.Id) { ["ownerid"] = (EntityReference)parameters["Assignee"] }, invocation, org, ConcurrencyBehavior.Default);
                    break;
                case "Associate" or "Disassociate":
                    Relationships.Apply(invocation.MessageName == "Associate", Target<EntityReference>(invocation),
                        (Relationship)parameters["Relationship"], (EntityReferenceCollection)parameters["RelatedEntities"], invocation, org);
                    break;
                case "Upsert":
                    Upsert(Target<Entity>(invocation), invocation, org);
                    break;
                case "WhoAmI":
                    results["UserId"] = invocation.Caller.UserId;
                    results["BusinessUnitId"] = invocation.Caller.BusinessUnitId;
                    results["OrganizationId"] = invocation.Caller.OrganizationId;
                    break;
                case "SendEmail":
                    var emailId = (Guid)parameters["EmailId"];
                    var email = org.Store.Find("email", emailId) ?? throw DataverseFaults.DoesNotExist("email", emailId);
                    Update(new Entity("email", emailId) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) }, invocation, org, ConcurrencyBehavior.Default);
                    results["Subject"] = email.GetAttributeValue<string>("subject");
                    break;
                default:
                    CustomApis.Execute(org.CustomApi(invocation.MessageName)!, invocation, org);
                    break;
            }
        }

        /// <returns>The new row's id, boxed once for the row, its indexes and the response.</returns>
        private static object Create(Entity target, Invocation invocation, Organization org)
        {
            var table = org.Store.RequireTable(target.LogicalName);
            ValueValidator.Validate(table, target, org.Store);
            var id = target.Id != Guid.Empty ? target.Id
                : target.Attributes.TryGetValue(table.PrimaryIdColumn, out var pk) && pk is Guid given ? given : org.NewId();
            if (org.Store.Exists(table.LogicalName, id))
                throw DataverseFaults.Create(DataverseFaults.DuplicateRecord, "Cannot insert duplicate key.");
            var values = org.Store.Values;
            var row = org.Store.Draft(table.LogicalName, id);
            foreach (var pair in target.Attributes) row.Attributes[pair.Key] = values.Of(pair.Value);
            object boxedId = id;
            row[table.PrimaryIdColumn] = boxedId;
            // a role created in its own right is a root role: Dataverse points its parentrootroleid at itself (the
            // copies it makes for other business units point at the root role)
            if (table.LogicalName == "role" && row.GetAttributeValue<EntityReference>("parentrootroleid") == null)
                row["parentrootroleid"] = values.Reference("role", id);
            var now = values.Now(org.Clock.UtcNow);
            var user = values.Reference("systemuser", invocation.Caller.UserId);
            row["createdon"] = target.GetAttributeValue<DateTime?>("overriddencreatedon") ?? now;
            row["modifiedon"] = now;
            row["createdby"] = user;
            row["modifiedby"] = user;
            if (table.Columns.ContainsKey("ownerid"))
            {
                if (!target.Contains("ownerid")) row["ownerid"] = user;
                row["owningbusinessunit"] = values.Reference("businessunit", invocation.Caller.BusinessUnitId);
            }
            if (table.Columns.ContainsKey("statecode"))
                SetStateAndStatus(table, row, null, values);
            for (var c = 0; c < table.AutoNumberColumns.Count; c++)
            {
                var column = table.AutoNumberColumns[c];
                if (!target.Contains(column.LogicalName))
                    row[column.LogicalName] = org.AutoNumbers.Next(table.LogicalName, column.LogicalName, column.AutoNumberFormat!, (DateTime)now);
            }
            ValueValidator.CheckRequired(table, row);
            org.Store.Insert(org.Store.Seal(row));
            // post-operation steps see the new id on their Target; without steps the Target is the caller's own
            // entity, which Dataverse never changes
            if (!ReferenceEquals(target, invocation.CallersTarget)) target.Id = id;
            invocation.EntityId = id;
            return boxedId;
        }

        private static void Update(Entity target, Invocation invocation, Organization org, ConcurrencyBehavior concurrency)
        {
            var table = org.Store.RequireTable(target.LogicalName);
            var stored = org.Store.Find(table.LogicalName, target.Id) ?? throw DataverseFaults.DoesNotExist(table.LogicalName, target.Id);
            CheckVersion(concurrency, target.RowVersion, stored);
            ValueValidator.Validate(table, target, org.Store);
            // the draft starts from the stored row's values, shared (the store never changes a value in place)
            var values = org.Store.Values;
            var row = org.Store.Draft(stored.LogicalName, stored.Id, from: stored);
            foreach (var pair in target.Attributes)
                if (pair.Key != table.PrimaryIdColumn) row.Attributes[pair.Key] = values.Of(pair.Value);
            row["modifiedon"] = values.Now(org.Clock.UtcNow);
            row["modifiedby"] = values.Reference("systemuser", invocation.Caller.UserId);
            if (target.Contains("statecode") || target.Contains("statuscode"))
                SetStateAndStatus(table, row, target, values);
            org.Store.Update(stored, row);
        }

        private static void Delete(EntityReference target, Organization org, ConcurrencyBehavior concurrency)
        {
            var table = org.Store.RequireTable(target.LogicalName);
            var stored = org.Store.Find(table.LogicalName, target.Id) ?? throw DataverseFaults.DoesNotExist(table.LogicalName, target.Id);
            CheckVersion(concurrency, target.RowVersion, stored);
            Relationships.CascadeDelete(table.LogicalName, target.Id, org);
            org.Store.Remove(table.LogicalName, target.Id);
        }

        public static Entity Retrieve(string logicalName, Guid id, ColumnSet? columns, Organization org)
        {
            var table = org.Store.RequireTable(logicalName);
            var stored = org.Store.Find(logicalName, id) ?? throw DataverseFaults.DoesNotExist(logicalName, id);
            Entity copy;
            if (columns is { AllColumns: false })
            {
                foreach (var column in columns.Columns)
                    if (!table.Columns.ContainsKey(column)) throw DataverseFaults.NoAttribute(logicalName, column);
                // the requested columns and the primary key
                copy = EntityCopy.Of(stored, columns.Columns);
                if (!copy.Attributes.ContainsKey(table.PrimaryIdColumn) && stored.Attributes.TryGetValue(table.PrimaryIdColumn, out var pk))
                    copy.Attributes[table.PrimaryIdColumn] = pk;
            }
            else copy = EntityCopy.Of(stored);
            copy.RowVersion = Convert.ToString(stored["versionnumber"], System.Globalization.CultureInfo.InvariantCulture);
            return copy;
        }

        private static void Upsert(Entity target, Invocation invocation, Organization org)
        {
            var table = org.Store.RequireTable(target.LogicalName);
            var id = target.Id != Guid.Empty ? target.Id : target.KeyAttributes.Count > 0 ? FindByKey(target, table, org) : null;
            var exists = id is { } known && org.Store.Exists(table.LogicalName, known);
            var entity = EntityCopy.Of(target);
            foreach (var pair in target.KeyAttributes) entity.Attributes[pair.Key] = EntityCopy.Value(pair.Value);
            entity.KeyAttributes.Clear();
            entity.Id = id ?? Guid.Empty;
            var nested = invocation.Caller;
            OrganizationRequest inner = exists ? new UpdateRequest { Target = entity } : new CreateRequest { Target = entity };
            var response = org.Pipeline.Run(inner, nested);
            var resultId = exists ? id!.Value : (Guid)response.Results["id"];
            invocation.Response.Results["RecordCreated"] = !exists;
            invocation.Response.Results["Target"] = new EntityReference(table.LogicalName, resultId);
        }

        private static void CheckVersion(ConcurrencyBehavior concurrency, string? rowVersion, Entity stored)
        {
            if (concurrency != ConcurrencyBehavior.IfRowVersionMatches) return;
            if (string.IsNullOrEmpty(rowVersion))
                throw DataverseFaults.Create(DataverseFaults.ConcurrencyVersionNotProvided,
                    "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");
            if (rowVersion != Convert.ToString(stored["versionnumber"], System.Globalization.CultureInfo.InvariantCulture))
                throw DataverseFaults.Create(DataverseFaults.ConcurrencyVersionMismatch,
                    "The version of the existing record doesn't match the RowVersion property provided.");
        }

        /// <summary>statecode follows statuscode (each status reason belongs to one state); a state without a status
        /// gets that state's default status, as the platform does.</summary>
        private static void SetStateAndStatus(TableMetadata table, Entity row, Entity? target, RowValues values)
        {
            var status = row.GetAttributeValue<OptionSetValue>("statuscode");
            var state = row.GetAttributeValue<OptionSetValue>("statecode");
            var statusGiven = target == null ? status != null : target.Contains("statuscode");
            var stateGiven = target == null ? state != null : target.Contains("statecode");
            if (statusGiven && status != null && table.StateOfStatus.TryGetValue(status.Value, out var owner))
            {
                if (stateGiven && state != null && state.Value != owner)
                    throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                        $"{status.Value} is not a valid status code for state code {state.Value} on {table.LogicalName} with Id {row.Id}.");
                row["statecode"] = values.Option(owner);
            }
            else if (stateGiven && state != null)
                row["statuscode"] = values.Option(table.DefaultStatusOf(state.Value));
            else if (state == null)
            {
                row["statecode"] = values.Option(0);
                row["statuscode"] = status ?? values.Option(table.DefaultStatus);
            }
        }

        private static Guid ResolveId(Entity target, TableMetadata table, Organization org)
        {
            if (target.Id != Guid.Empty) return target.Id;
            if (target.Attributes.TryGetValue(table.PrimaryIdColumn, out var pk) && pk is Guid id) return id;
            if (target.KeyAttributes.Count > 0)
                return FindByKey(target, table, org) ?? throw DataverseFaults.Create(DataverseFaults.ObjectDoesNotExist,
                    $"A record with the specified key values does not exist in {table.LogicalName} entity");
            throw DataverseFaults.Create(DataverseFaults.InvalidArgument, $"Entity Id must be specified for Update of {table.LogicalName}.");
        }

        private static Guid? FindByKey(Entity target, TableMetadata table, Organization org)
        {
            var columns = target.KeyAttributes.Keys.ToHashSet();
            if (columns.Count == 1 && columns.Contains(table.PrimaryIdColumn))
                return target.KeyAttributes[table.PrimaryIdColumn] is Guid g ? g : null;
            var key = table.AlternateKeys.FirstOrDefault(k => k.Columns.Count == columns.Count && k.Columns.All(columns.Contains))
                ?? throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                    $"The specified key attributes are not a defined key for the {table.LogicalName} entity");
            return org.Store.FindByKey(table.LogicalName, key, key.Columns.Select(c => target.KeyAttributes[c]).ToList());
        }

        private static T Target<T>(Invocation invocation) where T : class =>
            invocation.Request.Parameters.TryGetValue("Target", out var value) && value is T typed ? typed
                : throw DataverseFaults.Create(DataverseFaults.InvalidArgument, $"Required field 'Target' is missing for {invocation.MessageName}.");

        private static string? QueryEntity(object query) => query switch
        {
            QueryExpression q => q.EntityName,
            QueryByAttribute q => q.EntityName,
            FetchExpression f => FetchEntity(f.Query),
            _ => null,
        };

        private static string? FetchEntity(string fetchXml)
        {
            try { return System.Xml.Linq.XElement.Parse(fetchXml).Element("entity")?.Attribute("name")?.Value; }
            catch (System.Xml.XmlException ex) { throw DataverseFaults.InvalidFetch(ex.Message); }
        }
    }
}
