/** The HTTP edge of query-service: who may read what (the published tables are public; items are for staff). */
package io.consultdesk.query.web;
