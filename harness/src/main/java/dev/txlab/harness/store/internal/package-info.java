/** Implementation of the stores: decorating proxies, database administration, migrations. */
package dev.txlab.harness.store.internal;
