/** The portal's texts in English and Traditional Chinese: one resource bundle, read by pages and beans alike. */
package io.userdesk.web.i18n;
