-- Preferred payment method of customers billed in London: customers per
-- method and their share, most used first.  Customers without a known
-- payment method are left out.  SQLite; README shows GoogleSQL.
SELECT payment_method,
       COUNT(*) AS customers,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS percent
FROM customers_transformed
WHERE LOWER(TRIM(billing_address__city)) = 'london'
  AND payment_method IS NOT NULL
GROUP BY payment_method
ORDER BY customers DESC, payment_method;
