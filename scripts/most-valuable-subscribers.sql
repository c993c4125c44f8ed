-- Most valuable subscribers: customers on the paid top tiers (Enterprise,
-- then Premium).  First the size of each group, then the customers, with
-- how they pay and where they are billed.  SQLite; README shows GoogleSQL.
SELECT subscription_type,
       customer_type,
       COUNT(*) AS customers
FROM customers_transformed
WHERE subscription_type IN ('Enterprise', 'Premium')
GROUP BY subscription_type, customer_type
ORDER BY CASE subscription_type WHEN 'Enterprise' THEN 1 ELSE 2 END,
         customers DESC, customer_type;

SELECT customer_id,
       subscription_type,
       customer_type,
       COALESCE(company_name, first_name || ' ' || last_name) AS customer,
       payment_method,
       billing_address__city AS city
FROM customers_transformed
WHERE subscription_type IN ('Enterprise', 'Premium')
ORDER BY CASE subscription_type WHEN 'Enterprise' THEN 1 ELSE 2 END,
         CASE customer_type WHEN 'Business' THEN 1 ELSE 2 END,
         customer, customer_id
LIMIT 20;
