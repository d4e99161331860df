/**
 * The choreographed saga ({@code saga-choreo}): no one is in charge; each service reacts to the
 * events it hears, on its own database, and emits the next. Each reaction runs a SHARED domain
 * operation in one local transaction with its inbox row and its outbox rows
 * ({@link dev.txlab.messaging.ServiceEndpoint#process}); each service publishes to
 * {@code <service>.events} and its consumer group is its name.
 *
 * <table>
 *   <caption>Event, who reacts, what it does, what it emits</caption>
 *   <tr><th>event (published by)</th><th>reacts</th><th>does</th><th>emits</th></tr>
 *   <tr><td>OrderCreated (orders, with the PENDING order)</td><td>customers</td><td>authorize customer</td>
 *       <td>CustomerAuthorized, or CustomerRejected(reason)</td></tr>
 *   <tr><td>CustomerAuthorized (customers)</td><td>depot</td><td>reserve stock</td>
 *       <td>StockReserved, or StockRejected(reason)</td></tr>
 *   <tr><td>CustomerRejected (customers)</td><td>orders</td><td>reject order</td><td>-</td></tr>
 *   <tr><td>StockReserved (depot)</td><td>payments</td><td>confirm payment</td>
 *       <td>PaymentConfirmed, or PaymentDeclined(reason)</td></tr>
 *   <tr><td>StockRejected (depot)</td><td>orders</td><td>reject order</td><td>-</td></tr>
 *   <tr><td>PaymentConfirmed (payments)</td><td>orders</td><td>approve order</td><td>-</td></tr>
 *   <tr><td>PaymentDeclined (payments)</td><td>depot</td><td>cancel shopping list (restock)</td>
 *       <td>StockReleased(reason)</td></tr>
 *   <tr><td>StockReleased (depot)</td><td>orders</td><td>reject order</td><td>-</td></tr>
 * </table>
 *
 * <p>The payment is the last step that can refuse, so a refund is never needed here: the
 * compensations are the restock after a declined payment, and nothing before an authorization.
 * A reservation arriving after its cancellation (a late action) finds the cancelled marker, has no
 * effect and emits nothing. The order is decided only after every compensation it needs has
 * committed, so a REJECTED order never holds stock or money. Unknown event types go to the
 * dead-letter destination with the reason.
 */
package dev.txlab.saga.choreo;
