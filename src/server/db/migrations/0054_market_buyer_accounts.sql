-- Market: who has a buyer's profile, for the platform's menu (a village entrepreneur who only joined
-- the community, or an assessor, has no inquiries or orders to open).
CREATE VIEW market_buyer_accounts AS
  SELECT user_id FROM buyers;
