/** Implementation of the stores: decorating proxies, database administration, migrations. */
package dev.txlab.domain.store.internal;
