/** The consultation projection: title, drafting unit, outcomes, catalogue version, open or closed. */
package io.consultdesk.query.consultation;
