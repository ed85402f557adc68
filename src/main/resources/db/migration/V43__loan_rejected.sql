-- A patron whose account is not active: the request ends REJECTED in both services (document delivery always
-- did; loans said CANCELLED), so reports count it the same way: a request, never a cancellation.
update loan_request set status = 'REJECTED'
 where status = 'CANCELLED' and status_reason = 'patron account not active';
