/** JSON-B configuration that writes camelCase and reads property names case-insensitively, as Partner Center does. */
package io.userdesk.api.json;
