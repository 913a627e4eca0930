/** The reviewer side of the audit trail shared by the pages and the API: audited reads, verification, export. */
package io.userdesk.web.audit;
