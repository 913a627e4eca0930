/** Export bundles of the audit trail (events as JSON Lines and CSV, hash skeleton, signed manifest) and their offline verifier. */
package io.userdesk.audit.export;
