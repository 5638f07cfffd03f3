// Generated from the service's OpenAPI document by `npm run client:generate`: do not edit.

export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (no token: keep the port off the internet) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 503 while the views lag or the projector stopped */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/public-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Ed25519 keys seals are signed with, by id, with the time each signed (no token) */
        get: operations["getAuditPublicKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspaces I am a member of, with my permission; `deleted=true`: the deleted ones I was an admin of, which I may undelete. A page at a time: follow `nextCursor` until it is null
         * @description A page goes through at most 500 of my memberships, by workspace id, and shows those of the kind asked (live or deleted), so a page may show fewer, even none, with a `nextCursor` to go on from. A token limited to some workspaces (`ws` claim) gets those in one page. Costs one settings request for each 100 (or part) of the memberships a page goes through (at most a page of them, or the workspaces the claim names), paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getWorkspaces"];
        put?: never;
        /** Create a workspace; the creator becomes its admin */
        post: operations["postWorkspaces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete the workspace (admins; confirm with its name): access ends for every member at once; its admins can undelete it for 30 days
         * @description Answers 202: the deletion is recorded, and what follows it (the destruction of its secrets once DELETED_RETENTION_DAYS are over) comes later. Its admins at this moment, and audit:read tokens, keep its audit, export and verification. A `confirm` that is not the name, exactly, is a 400.
         */
        delete: operations["deleteWorkspace"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/undelete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undelete a deleted workspace (its admins at the time of the deletion, for 30 days after it): members, invitations and secrets as they were
         * @description After the retention: 409 retention_expired (with deletedAt and retentionEndedAt). A workspace that is not deleted: 409 workspace_not_deleted.
         */
        post: operations["postWorkspaceUndelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave the workspace (any member but its last admin: 409 last_admin); my secret roles there go too */
        post: operations["postWorkspaceLeave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members and pending invitations (members, audit:read); `asOf`: as they were then
         * @description Costs one settings request for each 100 (or part) of the members and pending invitations it lists; with `asOf`, of every member and invitation the workspace ever had, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getWorkspaceMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite someone by email (admins) */
        post: operations["postWorkspaceInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation (admins) */
        delete: operations["deleteWorkspaceInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My pending invitations (by the email in my token), a page at a time: follow `nextCursor` until it is null
         * @description At most 100 a page, by id; invitations to deleted workspaces are not shown, so a page may show fewer, even none, with a `nextCursor` to go on from.
         */
        get: operations["getMeInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation addressed to my email and join the workspace */
        post: operations["postInvitationAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (admins; the last admin stays); their secret roles go too */
        delete: operations["deleteWorkspaceMember"];
        options?: never;
        head?: never;
        /** Change a member's permission (admins; the last admin stays) */
        patch: operations["patchWorkspaceMember"];
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace secrets (never values), with the ETag (members, audit:read); `asOf`: as they were then, without an ETag; `deleted=true`: the deleted keys that can be restored, by key, a page at a time (`cursor`, `limit`; workspace admins)
         * @description Costs one settings request for each 100 (or part) of the secrets it lists (with `deleted=true`, of the `limit` asked, at most the keys the scope ever had); with `asOf`, of every key the scope ever had, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getWorkspaceSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Save a batch: set and delete keys, all or nothing */
        patch: operations["patchWorkspaceSecrets"];
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A secret's details (never its value; members, audit:read); `asOf`: as they were then, without an ETag */
        get: operations["getWorkspaceSecret"];
        /** Set one key (201 when new) */
        put: operations["putWorkspaceSecret"];
        post?: never;
        /** Delete one key */
        delete: operations["deleteWorkspaceSecret"];
        options?: never;
        head?: never;
        /** Change displayName and description (secret admins) */
        patch: operations["patchWorkspaceSecret"];
        trace?: never;
    };
    "/v1/me/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my personal secrets (never values), with the ETag; `asOf`: as they were then, without an ETag; `deleted=true`: my deleted keys that can be restored, by key, a page at a time (`cursor`, `limit`)
         * @description Costs one settings request for each 100 (or part) of the secrets it lists (with `deleted=true`, of the `limit` asked, at most the keys the scope ever had); with `asOf`, of every key the scope ever had, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getMeSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Save a batch of my personal secrets */
        patch: operations["patchMeSecrets"];
        trace?: never;
    };
    "/v1/me/secrets/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A personal secret's details (never its value) */
        get: operations["getMeSecret"];
        /** Set one personal key (201 when new) */
        put: operations["putMeSecret"];
        post?: never;
        /** Delete one personal key */
        delete: operations["deleteMeSecret"];
        options?: never;
        head?: never;
        /** Change displayName and description */
        patch: operations["patchMeSecret"];
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version: who set it, when, its fingerprint, a page at a time (members, audit:read)
         * @description Versions by version number, oldest first (`order=desc`: newest first), at most `limit` (default and most 1000) a page. While `nextCursor` is not null there are more: ask again with `cursor` set to it. A page after the last version is empty; a key that never had a version is a 404. Costs one settings request for each 100 (or part) of the versions it lists, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute. Besides, each version counts once more for each whole 16 KiB of its stored document (its sealed value, mostly): that part is known, and paid, once the versions are read, 100 at a time, before the next 100 are read or the page answers.
         */
        get: operations["getWorkspaceSecretHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who holds a role on the secret (secret admins, audit:read); `asOf`: who held one then
         * @description Costs one settings request for each 100 (or part) of the workspace's members (it goes through them all for its admins); with `asOf`, of every member the workspace ever had, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getWorkspaceSecretMembers"];
        put?: never;
        /** Share the secret with a workspace member, by email (secret admins) */
        post: operations["postWorkspaceSecretMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member's role on the secret (secret admins; the last admin stays) */
        delete: operations["deleteWorkspaceSecretMember"];
        options?: never;
        head?: never;
        /** Change a member's role on the secret (secret admins; the last admin stays) */
        patch: operations["patchWorkspaceSecretMember"];
        trace?: never;
    };
    "/v1/me/secrets/{key}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version: who set it, when, its fingerprint, a page at a time
         * @description Versions by version number, oldest first (`order=desc`: newest first), at most `limit` (default and most 1000) a page. While `nextCursor` is not null there are more: ask again with `cursor` set to it. A page after the last version is empty; a key that never had a version is a 404. Costs one settings request for each 100 (or part) of the versions it lists, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute. Besides, each version counts once more for each whole 16 KiB of its stored document (its sealed value, mostly): that part is known, and paid, once the versions are read, 100 at a time, before the next 100 are read or the page answers.
         */
        get: operations["getMeSecretHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/secrets/{key}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Always 409: personal secrets cannot be shared */
        post: operations["postMeSecretMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal a secret's value (workspace admins, its admins and members; recorded); `version`: a past one (of an earlier lifetime: workspace admins only; destroyed: 410) */
        post: operations["postWorkspaceSecretReveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/secrets/{key}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal my personal secret's value (recorded); `version`: a past one (destroyed: 410) */
        post: operations["postMeSecretReveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal up to 100 values at once (as single reveals would allow); all or nothing: every refused key is listed in errors[] as keys.KEY (403 if any is forbidden, else 404); each reveal is recorded and counts against the oracle limits */
        post: operations["postWorkspaceSecretsReveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/secrets/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal up to 100 of my personal values at once; all or nothing: every refused key is listed in errors[] as keys.KEY (403 if any is forbidden, else 404); each reveal is recorded and counts against the oracle limits */
        post: operations["postMeSecretsReveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/fingerprint-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The versions whose value equals this one (those who may reveal it, audit:read; recorded)
         * @description Tests every version, 1000 at a time: each page after the first counts as one more request against both oracle rate budgets, all charged before any is read: a 429 when a budget cannot pay them now, a 409 `over_rate_budget` when it never could in a minute (nothing recorded either way).
         */
        post: operations["postWorkspaceSecretFingerprintCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/secrets/{key}/fingerprint-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The versions of my personal secret whose value equals this one (recorded)
         * @description Tests every version, 1000 at a time: each page after the first counts as one more request against both oracle rate budgets, all charged before any is read: a 429 when a budget cannot pay them now, a 409 `over_rate_budget` when it never could in a minute (nothing recorded either way).
         */
        post: operations["postMeSecretFingerprintCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a .env file into the workspace secrets
         * @description A dry run compares the keys against the secrets the scope holds. Costs one settings request for each 100 (or part) of those secrets, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        post: operations["postWorkspaceSecretsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/secrets/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a .env file into my personal secrets
         * @description A dry run compares the keys against the secrets the scope holds. Costs one settings request for each 100 (or part) of those secrets, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        post: operations["postMeSecretsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Keys I can reference here: workspace keys, and my personal keys (shadowed when a workspace key has the name); `asOf`: those of then
         * @description Costs one settings request for each 100 (or part) of the workspace secrets and my personal ones; with `asOf`, of every key both scopes ever had, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getWorkspaceVariables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's audit history: membership, secret, access and resolution records (admins, audit:read)
         * @description Filters: from, to (RFC 3339, any offset), actor, key (also the keys a resolution used or missed), type (repeatable or comma-separated), runId; order=asc|desc; pages with cursor and limit (a page examines at most 20,000 rows, 2,000 at a time: a filtered page, or one over several workspaces, may hold fewer entries than limit, even none, and still have a nextCursor; follow it until null). Accept: application/x-ndjson streams every match (an export: recorded, and rate-limited per principal with verifications). An unknown parameter or type is a 400. Costs one settings request for each 100 (or part) of the `limit` a page asks for, and one more for each further 2,000 rows a filtered page examines (a page whose budget refuses one ends there, short, with a nextCursor; an export is charged as a verification), paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getWorkspaceAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit history of my personal secrets
         * @description Filters: from, to (RFC 3339, any offset), actor, key (also the keys a resolution used or missed), type (repeatable or comma-separated), runId; order=asc|desc; pages with cursor and limit (a page examines at most 20,000 rows, 2,000 at a time: a filtered page, or one over several workspaces, may hold fewer entries than limit, even none, and still have a nextCursor; follow it until null). Accept: application/x-ndjson streams every match (an export: recorded, and rate-limited per principal with verifications). An unknown parameter or type is a 400. Costs one settings request for each 100 (or part) of the `limit` a page asks for, and one more for each further 2,000 rows a filtered page examines (a page whose budget refuses one ends there, short, with a nextCursor; an export is charged as a verification), paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getMeAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit of every workspace an audit:read token covers, in log order
         * @description Filters: from, to (RFC 3339, any offset), actor, key (also the keys a resolution used or missed), type (repeatable or comma-separated), runId; order=asc|desc; pages with cursor and limit (a page examines at most 20,000 rows, 2,000 at a time: a filtered page, or one over several workspaces, may hold fewer entries than limit, even none, and still have a nextCursor; follow it until null). Accept: application/x-ndjson streams every match (an export: recorded, and rate-limited per principal with verifications). An unknown parameter or type is a 400. Costs one settings request for each 100 (or part) of the `limit` a page asks for, and one more for each further 2,000 rows a filtered page examines (a page whose budget refuses one ends there, short, with a nextCursor; an export is charged as a verification), paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspaces an audit:read token covers (paged by id), deleted ones included (with deletedAt)
         * @description Costs one settings request for each 100 (or part) of the `limit` a page asks for, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getAuditWorkspaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's events with the newest seal and proofs, for `npm run verify-audit` (NDJSON; admins, audit:read)
         * @description Every event of the workspace's streams as hashed (envelopes as {sha256} digests), the newest seal, and for each stream set a proof of its heads; `sinceSeal=N` adds every seal from N on and proofs against N, to check a seal kept from before. Rate-limited per principal with verifications (it reads as much). Recorded as an export once it ends.
         */
        get: operations["getWorkspaceAuditExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Checks the workspace's stored history against its hash chains and every seal (NDJSON progress; admins, audit:read)
         * @description Streams {kind: finding} for each break as found (stream and revision, or seal), {kind: progress} every 10,000 events, then {kind: result}. Rate-limited per principal. Recorded as AuditVerified once it ends.
         */
        post: operations["postWorkspaceAuditVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Keys added, changed, deleted and with details changed, and members joined, left or with a new permission, between two moments (members, audit:read)
         * @description `from` and `to` (default: now) are log positions or RFC 3339 instants. Changes of explicit secret roles are listed only for the secrets the caller is Admin of, or to audit:read. A secret named `changes` has no GET details route of its own: this route takes the path (its details are in the list). Costs one settings request for each 100 (or part) of every key and every member the workspace ever had, once for each moment, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getWorkspaceSecretsChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who could reveal, edit and use a secret at a moment, and why (secret Admins, audit:read)
         * @description `asOf` (default: now). Explicit roles count only while their holder was an active workspace member. Costs one settings request for each 100 (or part) of every key and every member the workspace ever had, paid before they are read: a 429 when the budget has fewer left (spending none of what it refuses), a 409 `over_rate_budget` when it costs more than the budget allows in a minute.
         */
        get: operations["getWorkspaceSecretAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a new version with the value of an earlier one of the same lifetime (its admins) */
        post: operations["postWorkspaceSecretRollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/secrets/{key}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a new version of my secret with the value of an earlier one of the same lifetime */
        post: operations["postMeSecretRollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a deleted key's last lifetime with its details and members (workspace admins; 409 if the key exists again) */
        post: operations["postWorkspaceSecretRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/secrets/{key}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen my deleted key's last lifetime (409 if the key exists again) */
        post: operations["postMeSecretRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{key}/destroy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Destroy for good by deleting its data key: the live lifetime (its admins; deletes it), with `all` every lifetime (workspace admins) */
        post: operations["postWorkspaceSecretDestroy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/secrets/{key}/destroy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Destroy my secret for good (the live lifetime; with `all` every one) */
        post: operations["postMeSecretDestroy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase me: leave every workspace, destroy my personal secrets and the keys of my emails and addresses (409 while I am the last admin of a workspace) */
        post: operations["postMeErase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve {{KEY}} references in a JSON value at run time (on the record) */
        post: operations["postResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An RFC 9457 problem (application/problem+json). `code` is stable; `detail` is for people. */
        Problem: {
            /** @description Always about:blank: the status and `code` say what happened */
            type: string;
            /** @description The status's reason phrase */
            title: string;
            status: number;
            /** @description What went wrong, for programs */
            code: string;
            /** @description What went wrong, for people; never holds a secret value */
            detail: string;
            /** @description Validation: each field; a refused batch or bulk reveal: each refused key (`set.KEY`, `delete.KEY`, `keys.KEY`) with its `code` */
            errors?: {
                field: string;
                message: string;
                code?: string;
                /** @description The .env line the error is on */
                line?: number;
            }[];
            /** @description How many errors there were in all, when `errors` lists only the first */
            errorCount?: number;
            /** @description 412: the current revision of the scope */
            revision?: number;
            /** @description 422: the first 100 references that resolved to nothing */
            missing?: {
                key: string;
                /** @description JSON pointer of the string in `input` */
                path: string;
                /** @enum {string} */
                reason?: "unknown" | "deleted" | "destroyed" | "personal_unavailable";
            }[];
            /** @description 422: how many {key, path} were missing in all */
            missingCount?: number;
            /** @description 409 last_admin of an erasure: the workspaces the caller is the last admin of (the first 100) */
            workspaces?: string[];
            /** @description 409 last_admin of an erasure: how many workspaces the caller is the last admin of */
            workspaceCount?: number;
            /** @description 409 over_rate_budget: how many requests of its rate budget the request costs at once (a fingerprint check: one a page of 1,000 versions; a settings read: one a hundred rows it goes through) */
            cost?: number;
            /** @description 409 over_rate_budget: the most that budget allows a minute */
            perMinute?: number;
            /** @description 409 retention_expired: when the workspace was deleted */
            deletedAt?: string;
            /** @description 409 retention_expired: when its retention ended */
            retentionEndedAt?: string;
        };
        Problem400: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 400;
            /** @enum {string} */
            code?: "validation_failed" | "invalid_json" | "invalid_content_length" | "invalid_unicode" | "body_too_deep" | "body_too_complex" | "bad_request" | "bad_url" | "missing_host" | "malformed_request";
        };
        Problem401: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 401;
            /** @enum {string} */
            code?: "unauthorized";
        };
        Problem403: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 403;
            /** @enum {string} */
            code?: "forbidden" | "ws_claim" | "reveal_disabled" | "email_not_verified" | "not_a_member";
        };
        Problem404: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 404;
            /** @enum {string} */
            code?: "not_found" | "route_not_found" | "workspace_not_found" | "secret_not_found" | "invitation_not_found" | "member_not_found" | "seal_not_found" | "version_not_found";
        };
        Problem408: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 408;
            /** @enum {string} */
            code?: "request_timeout";
        };
        Problem409: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 409;
            /** @enum {string} */
            code?: "rule" | "too_many_secrets" | "too_many_keys_ever" | "too_many_lifetimes" | "personal_not_shareable" | "workspace_admin" | "already_shared" | "too_many_secret_members" | "last_secret_admin" | "already_member" | "already_invited" | "too_many_invitations" | "too_many_invitations_ever" | "too_many_members" | "workspace_exists" | "last_admin" | "other_lifetime" | "secret_exists" | "retention_expired" | "workspace_not_deleted" | "over_rate_budget";
        };
        Problem410: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 410;
            /** @enum {string} */
            code?: "destroyed";
        };
        Problem412: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 412;
            /** @enum {string} */
            code?: "stale_revision";
        };
        Problem413: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 413;
            /** @enum {string} */
            code?: "body_too_large" | "chunk_extensions_too_large";
        };
        Problem414: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 414;
            /** @enum {string} */
            code?: "uri_too_long";
        };
        Problem415: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 415;
            /** @enum {string} */
            code?: "unsupported_media_type";
        };
        Problem417: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 417;
            /** @enum {string} */
            code?: "expectation_failed";
        };
        Problem422: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 422;
            /** @enum {string} */
            code?: "missing_references";
        };
        Problem429: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 429;
            /** @enum {string} */
            code?: "rate_limited";
        };
        Problem431: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 431;
            /** @enum {string} */
            code?: "headers_too_large";
        };
        Problem500: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 500;
            /** @enum {string} */
            code?: "internal_error";
        };
        Problem503: components["schemas"]["Problem"] & {
            /** @constant */
            status?: 503;
            /** @enum {string} */
            code?: "views_not_caught_up" | "records_unavailable" | "stream_busy" | "not_ready" | "shutting_down" | "ui_not_built";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMetrics: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        position: string | null;
                    };
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getAuditPublicKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            keyId: string;
                            /** @enum {string} */
                            algorithm: "Ed25519";
                            publicKey: string;
                            validFrom: string;
                            validUntil: string | null;
                        }[];
                    };
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getWorkspaces: {
        parameters: {
            query?: {
                /** @description true: deleted workspaces I was an admin of when they were deleted, with deletedAt, deletedBy and undeletableUntil */
                deleted?: "true" | "false";
                /** @description the `nextCursor` of the page before */
                cursor?: string;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workspaces: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            permission: "admin" | "write" | "read";
                            external: boolean;
                            deletedAt?: string;
                            deletedBy?: string;
                            undeletableUntil?: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaces: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    deleteWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The workspace's name, exactly */
                    confirm: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceUndelete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceLeave: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceMembers: {
        parameters: {
            query?: {
                asOf?: string;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: {
                            userId: string;
                            email: string | null;
                            /** @enum {string} */
                            permission: "admin" | "write" | "read";
                            external: boolean;
                            joinedAt: string;
                        }[];
                        invitations: {
                            id: string;
                            email: string;
                            /** @enum {string} */
                            permission: "admin" | "write" | "read";
                            external: boolean;
                            invitedAt: string;
                            invitedBy: string;
                        }[];
                        asOf?: {
                            position: string;
                            at: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceInvitations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    permission: "admin" | "write" | "read";
                    /** @default false */
                    external?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    deleteWorkspaceInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getMeInvitations: {
        parameters: {
            query?: {
                cursor?: string;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitations: {
                            id: string;
                            workspaceId: string;
                            workspaceName: string;
                            /** @enum {string} */
                            permission: "admin" | "write" | "read";
                            external: boolean;
                            invitedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postInvitationAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workspaceId: string;
                        /** @enum {string} */
                        permission: "admin" | "write" | "read";
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    deleteWorkspaceMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    patchWorkspaceMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    permission: "admin" | "write" | "read";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        /** @enum {string} */
                        permission: "admin" | "write" | "read";
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceSecrets: {
        parameters: {
            query?: {
                asOf?: string;
                minPosition?: string;
                deleted?: "true" | "false";
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        secrets: {
                            key: string;
                            displayName: string | null;
                            description: string | null;
                            version: number;
                            createdAt: string;
                            createdBy: string;
                            updatedAt: string;
                            updatedBy: string;
                            myRole: ("admin" | "member") | null;
                        }[];
                        asOf?: {
                            position: string;
                            at: string;
                        } | null;
                    } | {
                        deleted: {
                            key: string;
                            lastVersion: number;
                            deletedAt: string;
                            deletedBy: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    patchWorkspaceSecrets: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    set?: {
                        [key: string]: string;
                    };
                    /** @default [] */
                    delete?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceSecret: {
        parameters: {
            query?: {
                asOf?: string;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        displayName: string | null;
                        description: string | null;
                        version: number;
                        createdAt: string;
                        createdBy: string;
                        updatedAt: string;
                        updatedBy: string;
                        myRole: ("admin" | "member") | null;
                        asOf?: {
                            position: string;
                            at: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    putWorkspaceSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        key: string;
                        version: number;
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        key: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    deleteWorkspaceSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    patchWorkspaceSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string | null;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getMeSecrets: {
        parameters: {
            query?: {
                asOf?: string;
                minPosition?: string;
                deleted?: "true" | "false";
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        secrets: {
                            key: string;
                            displayName: string | null;
                            description: string | null;
                            version: number;
                            createdAt: string;
                            createdBy: string;
                            updatedAt: string;
                            updatedBy: string;
                            myRole: ("admin" | "member") | null;
                        }[];
                        asOf?: {
                            position: string;
                            at: string;
                        } | null;
                    } | {
                        deleted: {
                            key: string;
                            lastVersion: number;
                            deletedAt: string;
                            deletedBy: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    patchMeSecrets: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    set?: {
                        [key: string]: string;
                    };
                    /** @default [] */
                    delete?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getMeSecret: {
        parameters: {
            query?: {
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        displayName: string | null;
                        description: string | null;
                        version: number;
                        createdAt: string;
                        createdBy: string;
                        updatedAt: string;
                        updatedBy: string;
                        myRole: ("admin" | "member") | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    putMeSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        key: string;
                        version: number;
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        key: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    deleteMeSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    patchMeSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string | null;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceSecretHistory: {
        parameters: {
            query?: {
                minPosition?: string;
                order?: "asc" | "desc";
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        versions: {
                            version: number;
                            at: string;
                            actor: string;
                            fingerprint: string;
                            destroyed: boolean;
                            rollbackOf: number | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceSecretMembers: {
        parameters: {
            query?: {
                asOf?: string;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: {
                            userId: string;
                            email: string | null;
                            /** @enum {string} */
                            role: "admin" | "member";
                            /** @enum {string} */
                            source: "workspace" | "explicit";
                        }[];
                        asOf?: {
                            position: string;
                            at: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceSecretMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "admin" | "member";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        userId: string;
                        /** @enum {string} */
                        role: "admin" | "member";
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    deleteWorkspaceSecretMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    patchWorkspaceSecretMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "admin" | "member";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        userId: string;
                        /** @enum {string} */
                        role: "admin" | "member";
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getMeSecretHistory: {
        parameters: {
            query?: {
                minPosition?: string;
                order?: "asc" | "desc";
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        versions: {
                            version: number;
                            at: string;
                            actor: string;
                            fingerprint: string;
                            destroyed: boolean;
                            rollbackOf: number | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeSecretMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceSecretReveal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version?: number;
                } | null;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeSecretReveal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version?: number;
                } | null;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        value: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceSecretsReveal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    keys: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secrets: {
                            key: string;
                            value: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeSecretsReveal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    keys: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secrets: {
                            key: string;
                            value: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceSecretFingerprintCheck: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        /** @description The newest matching versions, at most 100, oldest first */
                        matches: {
                            version: number;
                            at: string;
                            actor: string;
                        }[];
                        /** @description How many versions matched in all */
                        matchCount: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeSecretFingerprintCheck: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        /** @description The newest matching versions, at most 100, oldest first */
                        matches: {
                            version: number;
                            at: string;
                            actor: string;
                        }[];
                        /** @description How many versions matched in all */
                        matchCount: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceSecretsImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dotenv: string;
                    /** @default false */
                    dryRun?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        dryRun: true;
                        keys: string[];
                        existing: string[];
                        /** @description The first 100 errors */
                        errors: {
                            /** @enum {string} */
                            field: "dotenv";
                            line: number;
                            message: string;
                        }[];
                        /** @description How many errors there are in all, when there are more than those listed */
                        errorCount?: number;
                    } | {
                        revision: number;
                        position: string;
                        keys: string[];
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeSecretsImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dotenv: string;
                    /** @default false */
                    dryRun?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        dryRun: true;
                        keys: string[];
                        existing: string[];
                        /** @description The first 100 errors */
                        errors: {
                            /** @enum {string} */
                            field: "dotenv";
                            line: number;
                            message: string;
                        }[];
                        /** @description How many errors there are in all, when there are more than those listed */
                        errorCount?: number;
                    } | {
                        revision: number;
                        position: string;
                        keys: string[];
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceVariables: {
        parameters: {
            query?: {
                asOf?: string;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workspace: {
                            key: string;
                        }[];
                        personal: {
                            key: string;
                            shadowed: boolean;
                        }[];
                        asOf?: {
                            position: string;
                            at: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceAudit: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                actor?: string;
                key?: string;
                type?: ("WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned") | ("WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned")[];
                runId?: string;
                order?: "asc" | "desc";
                cursor?: string;
                limit?: number;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            position: string;
                            /** @enum {string} */
                            type: "WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned";
                            actor: string;
                            at: string;
                            stream: string;
                            key: string | null;
                            version: number | null;
                            fingerprint: string | null;
                            subject: {
                                [key: string]: unknown;
                            } | null;
                            detail: {
                                [key: string]: unknown;
                            } | null;
                            runId: string | null;
                            request: {
                                requestId: string;
                                clientRequestId?: string;
                                clientAddress?: string;
                                peerAddress?: string;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                    "application/x-ndjson": {
                        position: string;
                        /** @enum {string} */
                        type: "WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned";
                        actor: string;
                        at: string;
                        stream: string;
                        key: string | null;
                        version: number | null;
                        fingerprint: string | null;
                        subject: {
                            [key: string]: unknown;
                        } | null;
                        detail: {
                            [key: string]: unknown;
                        } | null;
                        runId: string | null;
                        request: {
                            requestId: string;
                            clientRequestId?: string;
                            clientAddress?: string;
                            peerAddress?: string;
                        } | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getMeAudit: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                actor?: string;
                key?: string;
                type?: ("WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned") | ("WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned")[];
                runId?: string;
                order?: "asc" | "desc";
                cursor?: string;
                limit?: number;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            position: string;
                            /** @enum {string} */
                            type: "WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned";
                            actor: string;
                            at: string;
                            stream: string;
                            key: string | null;
                            version: number | null;
                            fingerprint: string | null;
                            subject: {
                                [key: string]: unknown;
                            } | null;
                            detail: {
                                [key: string]: unknown;
                            } | null;
                            runId: string | null;
                            request: {
                                requestId: string;
                                clientRequestId?: string;
                                clientAddress?: string;
                                peerAddress?: string;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                    "application/x-ndjson": {
                        position: string;
                        /** @enum {string} */
                        type: "WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned";
                        actor: string;
                        at: string;
                        stream: string;
                        key: string | null;
                        version: number | null;
                        fingerprint: string | null;
                        subject: {
                            [key: string]: unknown;
                        } | null;
                        detail: {
                            [key: string]: unknown;
                        } | null;
                        runId: string | null;
                        request: {
                            requestId: string;
                            clientRequestId?: string;
                            clientAddress?: string;
                            peerAddress?: string;
                        } | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                actor?: string;
                key?: string;
                type?: ("WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned") | ("WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned")[];
                runId?: string;
                order?: "asc" | "desc";
                cursor?: string;
                limit?: number;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            position: string;
                            /** @enum {string} */
                            type: "WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned";
                            actor: string;
                            at: string;
                            stream: string;
                            key: string | null;
                            version: number | null;
                            fingerprint: string | null;
                            subject: {
                                [key: string]: unknown;
                            } | null;
                            detail: {
                                [key: string]: unknown;
                            } | null;
                            runId: string | null;
                            request: {
                                requestId: string;
                                clientRequestId?: string;
                                clientAddress?: string;
                                peerAddress?: string;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                    "application/x-ndjson": {
                        position: string;
                        /** @enum {string} */
                        type: "WorkspaceCreated" | "MemberInvited" | "InvitationRevoked" | "InvitationAccepted" | "MemberPermissionChanged" | "MemberRemoved" | "MemberLeft" | "WorkspaceDeleted" | "WorkspaceUndeleted" | "SecretSet" | "SecretDeleted" | "SecretDetailsChanged" | "SecretRestored" | "SecretDestroyed" | "SecretMemberAdded" | "SecretMemberRoleChanged" | "SecretMemberRemoved" | "PersonalDataErased" | "SecretRevealed" | "FingerprintChecked" | "SecretsResolved" | "AccessRefused" | "AuditExported" | "AuditVerified" | "RecordsPruned";
                        actor: string;
                        at: string;
                        stream: string;
                        key: string | null;
                        version: number | null;
                        fingerprint: string | null;
                        subject: {
                            [key: string]: unknown;
                        } | null;
                        detail: {
                            [key: string]: unknown;
                        } | null;
                        runId: string | null;
                        request: {
                            requestId: string;
                            clientRequestId?: string;
                            clientAddress?: string;
                            peerAddress?: string;
                        } | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getAuditWorkspaces: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workspaces: {
                            id: string;
                            name: string;
                            createdAt: string;
                            deletedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceAuditExport: {
        parameters: {
            query?: {
                sinceSeal?: number;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each line of the export is one of these */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": {
                        /** @enum {string} */
                        kind: "export";
                        /** @enum {number} */
                        format: 1;
                        workspaceId: string;
                        exportedAt: string;
                        newestSeal: number | null;
                        sinceSeal: number | null;
                    } | {
                        /** @enum {string} */
                        kind: "seal";
                        seal: {
                            sequence: number;
                            at: string;
                            position: string;
                            root: string;
                            size: number;
                            prevSeal: string;
                            keyId: string;
                            signature: string;
                        };
                    } | {
                        /** @enum {string} */
                        kind: "proof";
                        seal: number;
                        set: {
                            stream: string;
                        } | {
                            prefix: string;
                        };
                        leaves: {
                            stream: string;
                            revision: number;
                            hash: string;
                            index: number;
                            path: string[];
                        }[];
                        before: {
                            stream: string;
                            revision: number;
                            hash: string;
                            index: number;
                            path: string[];
                        } | null;
                        after: {
                            stream: string;
                            revision: number;
                            hash: string;
                            index: number;
                            path: string[];
                        } | null;
                    } | {
                        /** @enum {string} */
                        kind: "anchor";
                        seal: number;
                        leaf: {
                            stream: string;
                            revision: number;
                            hash: string;
                            index: number;
                            path: string[];
                        };
                    } | {
                        /** @enum {string} */
                        kind: "event";
                        stream: string;
                        revision: number;
                        type: string;
                        data: unknown;
                        metadata: {
                            [key: string]: unknown;
                        };
                    } | {
                        /** @enum {string} */
                        kind: "end";
                        events: number;
                        streams: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceAuditVerify: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each line of the answer is one of these */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": {
                        /** @enum {string} */
                        kind: "finding";
                        stream?: string;
                        revision?: number;
                        seal?: number;
                        problem: string;
                        detail: string;
                    } | {
                        /** @enum {string} */
                        kind: "progress";
                        events: number;
                    } | {
                        /** @enum {string} */
                        kind: "result";
                        ok: boolean;
                        findings: number;
                        workspaceId: string | null;
                        newestSeal: number | null;
                        streams: number;
                        events: number;
                        unsealedEvents: number;
                        chainedAtMigration: number;
                        prunedStreams: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceSecretsChanges: {
        parameters: {
            query: {
                from: unknown;
                to?: unknown;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: {
                            position: string;
                            at: string;
                        } | null;
                        to: {
                            position: string;
                            at: string;
                        };
                        secrets: {
                            key: string;
                            /** @enum {string} */
                            change: "added" | "deleted" | "changed" | "details_changed";
                            from?: {
                                version: number;
                                fingerprint: string;
                            };
                            to?: {
                                version: number;
                                fingerprint: string;
                            };
                            displayName?: {
                                from: string | null;
                                to: string | null;
                            };
                            description?: {
                                from: string | null;
                                to: string | null;
                            };
                        }[];
                        members: {
                            userId: string;
                            /** @enum {string} */
                            change: "joined" | "left" | "permission_changed";
                            from?: string;
                            to?: string;
                        }[];
                        secretMembers: {
                            key: string;
                            userId: string;
                            /** @enum {string} */
                            change: "added" | "removed" | "role_changed";
                            from?: string;
                            to?: string;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    getWorkspaceSecretAccess: {
        parameters: {
            query?: {
                asOf?: string;
                minPosition?: string;
            };
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        asOf: {
                            position: string;
                            at: string;
                        };
                        access: {
                            userId: string;
                            email: string | null;
                            permission: string;
                            role: ("admin" | "member") | null;
                            reveal: boolean;
                            edit: boolean;
                            use: boolean;
                            /** @enum {string} */
                            because: "workspace admin" | "secret Admin" | "secret Member" | "workspace member";
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceSecretRollback: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        key: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeSecretRollback: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        key: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceSecretRestore: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        key: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeSecretRestore: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                        key: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postWorkspaceSecretDestroy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                ws: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm: string;
                    /** @default false */
                    all?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeSecretDestroy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision. */
                "If-Match"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm: string;
                    /** @default false */
                    all?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs. */
                    ETag?: string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revision: number;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description What was asked for (a version, a lifetime, a secret) was destroyed */
            410: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem410"];
                };
            };
            /** @description Stale If-Match: `revision` is the current one */
            412: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The URL, or one of its parameters, is too long */
            414: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem414"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postMeErase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere */
                    "X-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        left: string[];
                        secretsDestroyed: number;
                        position: string;
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description A rule refuses it (last admin, too many secrets, sharing a personal secret, …) */
            409: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    postResolve: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id) */
                "X-Request-Id"?: string;
                /** @description Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503 */
                "X-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    workspaceId: string;
                    /** @enum {string} */
                    trigger: "manual" | "api" | "webhook" | "schedule";
                    triggeredBy?: string;
                    workflowOwnerId?: string;
                    input: unknown;
                    run?: {
                        id: string;
                        workflowId?: string;
                        blockId?: string;
                    };
                    /**
                     * @default fail
                     * @enum {string}
                     */
                    onMissing?: "fail" | "keep";
                    /** @default false */
                    masks?: boolean;
                    minPosition?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        output: unknown;
                        references: {
                            key: string;
                            /** @enum {string} */
                            scope: "workspace" | "personal";
                            version: number;
                        }[];
                        masks?: string[];
                    };
                };
            };
            /** @description Malformed or invalid input: `errors` names each field (an invalid .env line also carries `line`) */
            400: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description No token, or a bad or expired one */
            401: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Authenticated, but not allowed (a refused batch lists every refused key in `errors`) */
            403: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Unknown workspace for a non-member (existence is not revealed), or unknown key, invitation, member or seal */
            404: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description The body is larger than 8 MiB */
            413: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description References that resolve to nothing: `missing` lists the first 100 {key, path, reason}, `missingCount` how many in all */
            422: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Rate limited: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Something went wrong on our side */
            500: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description The views did not reach the asked position in time, a record could not be written, or the service is busy or shutting down: retry */
            503: {
                headers: {
                    /** @description The id the service gave the request (and recorded with what it wrote) */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
}
